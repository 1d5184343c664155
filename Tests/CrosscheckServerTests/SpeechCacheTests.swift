import CrosscheckKit
import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckServer

/// The listening cache: audio is made once per thing said, and a change in what is said (a review
/// changed the findings) makes new audio and drops the old.
@Suite(
    "Listening cache",
    .enabled(if: SpeechSynthesizer.available, "needs espeak-ng and libopusenc0 (apt-get install espeak-ng libopusenc0)"))
struct SpeechCacheTests {
    @Test func changedFindingsMakeNewAudioAndDropTheOld() async throws {
        let folder = ScratchFolder.root.appendingPathComponent("crosscheck-speech-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = SpeechCache(directory: folder)
        let before = ["One claim was checked. The fare rise is refuted by the council's minutes."]
        let first = try await cache.file(owner: "7-findings", paragraphs: before, title: nil)
        let again = try await cache.file(owner: "7-findings", paragraphs: before, title: nil)
        #expect(again == first, "the same findings are read from disk")
        let made = try #require(try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate] as? Date)
        #expect(try FileManager.default.attributesOfItem(atPath: again.path)[.modificationDate] as? Date == made)

        let other = try await cache.file(owner: "8-findings", paragraphs: before, title: nil)
        let after = ["One claim was checked. An editor confirmed the fare rise is supported."]
        let changed = try await cache.file(owner: "7-findings", paragraphs: after, title: nil)
        #expect(changed != first)
        #expect(FileManager.default.fileExists(atPath: changed.path))
        #expect(!FileManager.default.fileExists(atPath: first.path), "the audio of the old findings is dropped")
        #expect(FileManager.default.fileExists(atPath: other.path), "another story's audio stays")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: changed.path)[.size] as? Int)
        #expect(size > 1_000, "an Ogg Opus file of a few seconds")
    }
}
