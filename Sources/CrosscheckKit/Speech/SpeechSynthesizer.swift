import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// eSpeak NG's speech synthesiser, loaded from its C library when first needed (Debian:
/// `espeak-ng`), so a machine without it still builds and does everything but speak.
///
/// eSpeak keeps one voice and one set of parameters for the whole process, so every synthesis
/// holds one process-wide lock.
public struct SpeechSynthesizer: Sendable {
    /// The voice (an eSpeak NG voice name such as `en-us` or `en-gb`).
    public var voice: String
    /// Words per minute, 80–450.
    public var rate: Int

    /// The default voice and rate: US English at 165 words a minute, a newsreader's pace.
    public init(voice: String = "en-us", rate: Int = 165) {
        self.voice = voice
        self.rate = rate
    }

    /// Samples per second of the audio the synthesiser makes.
    public static func sampleRate() throws -> Int { Int(try Library.shared().sampleRate) }

    /// Whether eSpeak NG can be loaded on this machine.
    public static var available: Bool { (try? Library.shared()) != nil }

    /// Speaks `text`, returning 16-bit mono samples at ``sampleRate()``.
    /// - Throws: ``CrosscheckError`` `speechUnavailable` when eSpeak NG is not installed,
    ///   `invalidArgument` for an unknown voice or a rate out of range.
    public func samples(for text: String) throws -> [Int16] {
        guard (80...450).contains(rate) else {
            throw CrosscheckError(.invalidArgument, "the speaking rate \(rate) is out of range; give 80 to 450 words a minute")
        }
        let library = try Library.shared()
        return try Library.lock.withLock { _ in
            guard library.setVoice(voice) == 0 else {
                throw CrosscheckError(.invalidArgument, "eSpeak NG has no voice named \(voice); espeak-ng --voices=en lists them (en-us, en-gb, …)")
            }
            _ = library.setParameter(1, Int32(rate), 0)
            let collector = Collector()
            Library.collector = collector
            defer { Library.collector = nil }
            let bytes = Array(text.utf8) + [0]
            let status = bytes.withUnsafeBytes { buffer in
                library.synth(buffer.baseAddress, buffer.count, 0, 1, 0, Library.utf8Characters | Library.endPause, nil, nil)
            }
            guard status == 0 else { throw CrosscheckError(.writeFailed, "eSpeak NG could not speak the text (error \(status))") }
            return collector.samples
        }
    }

    /// The samples of one synthesis, gathered by the library's callback.
    final class Collector {
        var samples: [Int16] = []
    }

    /// The library's entry points.
    struct Library: @unchecked Sendable {
        typealias Initialize = @convention(c) (Int32, Int32, UnsafePointer<CChar>?, Int32) -> Int32
        typealias Callback = @convention(c) (UnsafeMutablePointer<Int16>?, Int32, UnsafeMutableRawPointer?) -> Int32
        typealias SetCallback = @convention(c) (Callback?) -> Void
        typealias SetVoice = @convention(c) (UnsafePointer<CChar>?) -> Int32
        typealias SetParameter = @convention(c) (Int32, Int32, Int32) -> Int32
        typealias Synth =
            @convention(c) (
                UnsafeRawPointer?, Int, UInt32, Int32, UInt32, UInt32, UnsafeMutablePointer<UInt32>?, UnsafeMutableRawPointer?
            ) -> Int32

        static let synchronous: Int32 = 2
        static let dontExit: Int32 = 0x8000
        static let utf8Characters: UInt32 = 1
        static let endPause: UInt32 = 0x1000

        let sampleRate: Int32
        let setVoiceByName: SetVoice
        let setParameter: SetParameter
        let synth: Synth

        func setVoice(_ name: String) -> Int32 { name.withCString { setVoiceByName($0) } }

        /// Held for every synthesis: eSpeak's state is the process's.
        static let lock = Mutex<Void>(())
        /// Where the callback puts samples; set only while `lock` is held.
        nonisolated(unsafe) static var collector: Collector?

        static let loaded: Result<Library, CrosscheckError> = load()

        static func shared() throws -> Library { try loaded.get() }

        static func load() -> Result<Library, CrosscheckError> {
            let names: [String] = ["libespeak-ng.so.1", "libespeak-ng.so"]
            let handle = names.lazy.compactMap { dlopen($0, RTLD_NOW | RTLD_LOCAL) }.first
            guard let handle, let initialize = dlsym(handle, "espeak_Initialize"), let setCallback = dlsym(handle, "espeak_SetSynthCallback"),
                let setVoice = dlsym(handle, "espeak_SetVoiceByName"), let setParameter = dlsym(handle, "espeak_SetParameter"),
                let synth = dlsym(handle, "espeak_Synth")
            else {
                return .failure(
                    CrosscheckError(.speechUnavailable, "speech needs eSpeak NG; install it (Debian: apt-get install espeak-ng)"))
            }
            let rate = unsafeBitCast(initialize, to: Initialize.self)(synchronous, 0, nil, dontExit)
            guard rate > 0 else {
                return .failure(
                    CrosscheckError(
                        .speechUnavailable, "eSpeak NG is installed but could not start (its voice data is missing?); reinstall espeak-ng-data"))
            }
            let callback: Callback = { wav, count, _ in
                if let wav, count > 0 {
                    SpeechSynthesizer.Library.collector?.samples.append(contentsOf: UnsafeBufferPointer(start: wav, count: Int(count)))
                }
                return 0
            }
            unsafeBitCast(setCallback, to: SetCallback.self)(callback)
            return .success(
                Library(
                    sampleRate: rate, setVoiceByName: unsafeBitCast(setVoice, to: SetVoice.self),
                    setParameter: unsafeBitCast(setParameter, to: SetParameter.self), synth: unsafeBitCast(synth, to: Synth.self)))
        }
    }
}
