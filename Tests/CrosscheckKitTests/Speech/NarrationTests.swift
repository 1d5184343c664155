import CrosscheckKit
import CrosscheckTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(
    "Narration",
    .enabled(if: SpeechSynthesizer.available && OggOpusDecoder.available, "needs espeak-ng and libopusfile0 (apt-get install espeak-ng opus-tools)"))
struct NarrationTests {
    let folder = ScratchFolder.root.appendingPathComponent("crosscheck-narration-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    /// Records on a thread of its own: synthesis holds a core for a second or more, which the
    /// other suites' tasks on the shared pool must not wait behind.
    func record(_ paragraphs: [String], _ name: String, _ narration: Narration = Narration()) async throws -> Narration.Recording {
        let url = name.contains("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try narration.record(paragraphs, to: url) }) }.start()
        }
    }

    @Test func aRecordingDecodesAndGrowsWithTheText() async throws {
        let paragraph = "The ferry carried 1,200 passengers in 2025, up 4.5% on the year before, Dr. Lee said."
        let short = try await record([paragraph], "short.ogg")
        let long = try await record(Array(repeating: paragraph, count: 4), "long.ogg")
        let shortSeconds = try OggOpusDecoder.decodedSeconds(folder.appendingPathComponent("short.ogg"))
        let longSeconds = try OggOpusDecoder.decodedSeconds(folder.appendingPathComponent("long.ogg"))
        #expect(shortSeconds > 3, "a sentence of 16 words takes seconds to say")
        #expect(abs(shortSeconds - short.duration) < 0.2, "the file holds what was written")
        #expect(longSeconds > 3.5 * shortSeconds, "four paragraphs take four times as long, with pauses")
        #expect(long.paragraphs == 4)
        // Opus at 24 kbit/s: a few KB a second, not the 44 KB of raw 22 kHz samples.
        #expect(Double(long.bytes) / long.duration < 5_000)
    }

    @Test func aSlowerRateTakesLonger() async throws {
        let text = ["Officials said the treaty would be signed next week in the capital."]
        let fast = try await record(text, "fast.ogg", Narration(synthesizer: .init(rate: 300)))
        let slow = try await record(text, "slow.ogg", Narration(synthesizer: .init(rate: 120)))
        #expect(slow.duration > 1.8 * fast.duration)
    }

    @Test func badRequestsAreRefusedAndLeaveNoFile() async throws {
        await #expect(throws: CrosscheckError.self) { try await record(["  ", ""], "bad.ogg") }
        await #expect(throws: CrosscheckError.self) { try await record(["Hello."], "bad.ogg", Narration(synthesizer: .init(voice: "no-such-voice"))) }
        await #expect(throws: CrosscheckError.self) { try await record(["Hello."], "bad.ogg", Narration(synthesizer: .init(rate: 20))) }
        await #expect(throws: CrosscheckError.self) { try await record(["Hello."], folder.appendingPathComponent("missing/folder/x.ogg").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no partial files are left behind")
    }

    @Test func aFailedRecordingKeepsTheEarlierFile() async throws {
        let target = folder.appendingPathComponent("kept.ogg")
        _ = try await record(["The first version."], "kept.ogg")
        let before = try Data(contentsOf: target)
        await #expect(throws: CrosscheckError.self) {
            try await record(["Second."], "kept.ogg", Narration(synthesizer: .init(voice: "no-such-voice")))
        }
        #expect(try Data(contentsOf: target) == before)
    }
}

/// Decodes Ogg Opus files with libopusfile, to check what the encoder wrote.
enum OggOpusDecoder {
    typealias Open = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<Int32>?) -> OpaquePointer?
    typealias Read = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int16>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32
    typealias Free = @convention(c) (OpaquePointer?) -> Void

    nonisolated(unsafe) static let handle: UnsafeMutableRawPointer? = dlopen("libopusfile.so.0", RTLD_NOW | RTLD_LOCAL)
    static var available: Bool { handle != nil }

    /// Seconds of audio decoded from the file (Opus decodes at 48 kHz).
    static func decodedSeconds(_ url: URL) throws -> Double {
        let open = unsafeBitCast(dlsym(handle, "op_open_file"), to: Open.self)
        let read = unsafeBitCast(dlsym(handle, "op_read"), to: Read.self)
        let free = unsafeBitCast(dlsym(handle, "op_free"), to: Free.self)
        var error: Int32 = 0
        guard let file = url.path.withCString({ open($0, &error) }) else {
            throw CrosscheckError(.unreadable, "libopusfile cannot open \(url.path) (error \(error))")
        }
        defer { free(file) }
        var buffer = [Int16](repeating: 0, count: 11_520)
        var samples = 0
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { read(file, $0.baseAddress, Int32($0.count), nil) }
            guard count >= 0 else { throw CrosscheckError(.unreadable, "libopusfile cannot decode \(url.path) (error \(count))") }
            if count == 0 { break }
            samples += Int(count)
        }
        return Double(samples) / 48_000
    }
}
