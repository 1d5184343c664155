import CrosscheckKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(
    "Narration",
    .enabled(if: SpeechSynthesizer.available && OggOpusDecoder.available, "needs espeak-ng and libopusfile0 (apt-get install espeak-ng opus-tools)"))
struct NarrationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-narration-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    @Test func aRecordingDecodesAndGrowsWithTheText() throws {
        let paragraph = "The ferry carried 1,200 passengers in 2025, up 4.5% on the year before, Dr. Lee said."
        let short = try Narration().record([paragraph], to: folder.appendingPathComponent("short.ogg"))
        let long = try Narration().record(Array(repeating: paragraph, count: 4), to: folder.appendingPathComponent("long.ogg"))
        let shortSeconds = try OggOpusDecoder.decodedSeconds(folder.appendingPathComponent("short.ogg"))
        let longSeconds = try OggOpusDecoder.decodedSeconds(folder.appendingPathComponent("long.ogg"))
        #expect(shortSeconds > 3, "a sentence of 16 words takes seconds to say")
        #expect(abs(shortSeconds - short.duration) < 0.2, "the file holds what was written")
        #expect(longSeconds > 3.5 * shortSeconds, "four paragraphs take four times as long, with pauses")
        #expect(long.paragraphs == 4)
        // Opus at 24 kbit/s: a few KB a second, not the 44 KB of raw 22 kHz samples.
        #expect(Double(long.bytes) / long.duration < 5_000)
    }

    @Test func aSlowerRateTakesLonger() throws {
        let text = ["Officials said the treaty would be signed next week in the capital."]
        let fast = try Narration(synthesizer: .init(rate: 300)).record(text, to: folder.appendingPathComponent("fast.ogg"))
        let slow = try Narration(synthesizer: .init(rate: 120)).record(text, to: folder.appendingPathComponent("slow.ogg"))
        #expect(slow.duration > 1.8 * fast.duration)
    }

    @Test func badRequestsAreRefusedAndLeaveNoFile() throws {
        let target = folder.appendingPathComponent("bad.ogg")
        #expect(throws: CrosscheckError.self) { try Narration().record(["  ", ""], to: target) }
        #expect(throws: CrosscheckError.self) { try Narration(synthesizer: .init(voice: "no-such-voice")).record(["Hello."], to: target) }
        #expect(throws: CrosscheckError.self) { try Narration(synthesizer: .init(rate: 20)).record(["Hello."], to: target) }
        #expect(throws: CrosscheckError.self) {
            try Narration().record(["Hello."], to: folder.appendingPathComponent("missing/folder/x.ogg"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no partial files are left behind")
    }

    @Test func aFailedRecordingKeepsTheEarlierFile() throws {
        let target = folder.appendingPathComponent("kept.ogg")
        _ = try Narration().record(["The first version."], to: target)
        let before = try Data(contentsOf: target)
        #expect(throws: CrosscheckError.self) { try Narration(synthesizer: .init(voice: "no-such-voice")).record(["Second."], to: target) }
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
