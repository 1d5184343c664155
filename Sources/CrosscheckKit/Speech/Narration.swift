public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads text aloud into a compact audio file: paragraph by paragraph, each rewritten as spoken
/// (``SpokenText``), synthesised (``SpeechSynthesizer``) and encoded as Ogg Opus at once, so
/// memory stays flat however long the text.
public struct Narration: Sendable {
    public var synthesizer: SpeechSynthesizer
    /// Silence between paragraphs, in seconds.
    public var paragraphPause: Double = 0.4

    public init(synthesizer: SpeechSynthesizer = .init()) {
        self.synthesizer = synthesizer
    }

    /// What a recording holds.
    public struct Recording: Sendable, Hashable {
        /// Seconds of audio.
        public var duration: Double
        /// The file's size.
        public var bytes: Int
        /// Paragraphs spoken.
        public var paragraphs: Int
    }

    /// Whether speech and encoding can run on this machine.
    /// - Throws: ``CrosscheckError`` `speechUnavailable`, saying what to install, when not.
    public static func checkAvailable() throws {
        _ = try SpeechSynthesizer.sampleRate()
        _ = try OpusFileWriter.Library.shared()
    }

    /// Speaks `paragraphs` into an Ogg Opus file at `url`. The file appears whole or not at all:
    /// it is written beside `url` and moved into place when done.
    /// - Throws: ``CrosscheckError`` `speechUnavailable` when eSpeak NG or libopusenc is missing,
    ///   `invalidArgument` for nothing to say or an unknown voice, `writeFailed` when the file
    ///   cannot be written.
    public func record(_ paragraphs: [String], title: String? = nil, to url: URL) throws -> Recording {
        let spoken = paragraphs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !spoken.isEmpty else { throw CrosscheckError(.invalidArgument, "there is no text to read aloud") }
        try Self.checkAvailable()
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let writer = try OpusFileWriter(url: partial, sampleRate: try SpeechSynthesizer.sampleRate(), title: title, artist: "crosscheck")
        for (index, paragraph) in spoken.enumerated() {
            if index > 0 { try writer.pause(seconds: paragraphPause) }
            try writer.write(try synthesizer.samples(for: SpokenText.normalize(paragraph)))
        }
        try writer.finish()
        // rename(2) replaces an earlier file in one step: there is always a whole file at `url`.
        guard rename(partial.path, url.path) == 0 else {
            throw CrosscheckError(.writeFailed, "cannot write \(url.path) (\(String(cString: strerror(errno)))); choose a writable place")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return Recording(duration: writer.duration, bytes: size, paragraphs: spoken.count)
    }
}
