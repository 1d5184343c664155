import CrosscheckKit
import Foundation

/// Spoken audio, made once and kept on disk under a name that holds a digest of what was said, so
/// a review that changes the findings changes the name and the old file is dropped. Two readers
/// asking for the same audio at once share one synthesis, which runs on a thread of its own rather
/// than on the server's.
actor SpeechCache {
    let directory: URL
    let narration: Narration
    private var underway: [String: Task<URL, any Error>] = [:]

    init(directory: URL, narration: Narration = .init()) {
        self.directory = directory
        self.narration = narration
    }

    /// The audio of `paragraphs` for `owner` (a job and what is spoken), made now if it is not on disk.
    func file(owner: String, paragraphs: [String], title: String?) async throws -> URL {
        let digest = String(
            Digests.sha256Hex(
                Array(
                    (narration.synthesizer.voice + "\u{1}" + String(narration.synthesizer.rate) + "\u{1}" + paragraphs.joined(separator: "\n")).utf8)
            ).prefix(20))
        let name = "\(owner)-\(digest).ogg"
        let url = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if let task = underway[name] { return try await task.value }
        let directory = directory, narration = narration
        let task = Task<URL, any Error> {
            try await Self.onOwnThread {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                _ = try narration.record(paragraphs, title: title, to: url)
                // Older audio of the same owner said something else: a review changed it.
                for old in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                where old.hasPrefix(owner + "-") && old.hasSuffix(".ogg") && old != name {
                    try? FileManager.default.removeItem(at: directory.appendingPathComponent(old))
                }
                return url
            }
        }
        underway[name] = task
        defer { underway[name] = nil }
        return try await task.value
    }

    /// Runs `body` on a new thread: synthesis takes seconds of one core and would hold up a
    /// request-handling thread that long.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
