import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckKit

/// Fixed sentences' embeddings kept in a file between processes: read back equal, never read for
/// another encoder or another list, and a damaged file is encoded again.
@Suite("Fixed sentences' embeddings")
struct FixedEmbeddingsTests {
    /// The tiny random encoder with a manifest naming `sha256`, as the shipped encoder's does.
    static func encoder(seed: UInt64, sha256: String) throws -> SentenceEncoder {
        let directory = try TinyEncoderTests.write(TinyEncoderTests.tensors(seed: seed))
        try JSONEncoder().encode(["name": "tiny", "sha256": sha256]).write(to: directory.appendingPathComponent("manifest.json"))
        return try SentenceEncoder(directory: directory)
    }

    static func folder() -> URL {
        ScratchFolder.root.appendingPathComponent("fixed-embeddings-\(UUID().uuidString)")
    }

    static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []).filter { $0.pathExtension == "f32" }
    }

    @Test func aSecondReadComesFromTheFileAndEqualsTheEncoding() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let encoder = try Self.encoder(seed: 5, sha256: "aa")
        let texts = ["the bridge", "a council vote", "cafe cable"]
        let fixed = FixedEmbeddings(folder: folder)
        let first = fixed.embeddings(of: texts, encoder: encoder)
        #expect(first == encoder.encode(texts))
        let files = Self.files(in: folder)
        #expect(files.count == 1)
        // What the second call returns is what the file holds: overwrite it with known vectors.
        let planted = texts.indices.map { index in Embedding((0..<8).map { Float(index * 8 + $0) }) }
        FixedEmbeddings.write(planted, to: try #require(files.first))
        #expect(fixed.embeddings(of: texts, encoder: encoder) == planted)
    }

    @Test func anotherEncoderOrListHasItsOwnFile() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixed = FixedEmbeddings(folder: folder)
        let one = try Self.encoder(seed: 5, sha256: "aa")
        let other = try Self.encoder(seed: 6, sha256: "bb")
        let texts = ["the bridge", "a council vote"]
        _ = fixed.embeddings(of: texts, encoder: one)
        #expect(fixed.embeddings(of: texts, encoder: other) == other.encode(texts))
        #expect(fixed.embeddings(of: texts + ["cafe"], encoder: one) == one.encode(texts + ["cafe"]))
        #expect(Self.files(in: folder).count == 3)
    }

    @Test func aDamagedFileIsEncodedAgain() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let encoder = try Self.encoder(seed: 5, sha256: "aa")
        let texts = ["the bridge", "a council vote"]
        let fixed = FixedEmbeddings(folder: folder)
        _ = fixed.embeddings(of: texts, encoder: encoder)
        let file = try #require(Self.files(in: folder).first)
        try Data([1, 2, 3]).write(to: file)
        #expect(fixed.embeddings(of: texts, encoder: encoder) == encoder.encode(texts))
    }

    @Test func noFolderOrNoChecksumKeepsNoFile() throws {
        #expect(FixedEmbeddings.standard(environment: ["CROSSCHECK_CACHE": "off"]).folder == nil)
        #expect(FixedEmbeddings.standard(environment: ["XDG_CACHE_HOME": "/x"]).folder?.path == "/x/crosscheck/embeddings")
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unnamed = try SentenceEncoder(directory: try TinyEncoderTests.write(TinyEncoderTests.tensors(seed: 5)))
        _ = FixedEmbeddings(folder: folder).embeddings(of: ["the bridge"], encoder: unnamed)
        #expect(Self.files(in: folder).isEmpty)
    }
}
