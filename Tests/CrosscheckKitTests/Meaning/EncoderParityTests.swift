import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped encoder against reference vectors computed by `scripts/encoder/reference.py`
/// (Hugging Face `tokenizers` and a numpy forward pass over the float32 weights).
@Suite("Sentence encoder parity")
struct EncoderParityTests {
    struct Reference: Decodable {
        struct Row: Decodable {
            var text: String
            var ids: [Int32]
            var embedding: [Float]
        }
        var sentences: [Row]
    }

    static let reference: Reference? = {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Resources/encoder"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let encoder: SentenceEncoder? = try? SentenceEncoder.bundled()

    @Test func tokensMatchTheReferenceTokenizer() throws {
        let reference = try #require(Self.reference)
        let encoder = try #require(Self.encoder, "the shipped encoder should load")
        for row in reference.sentences {
            #expect(encoder.tokenIDs(row.text) == row.ids, "\(row.text)")
        }
    }

    @Test func embeddingsMatchTheFloatReference() throws {
        let reference = try #require(Self.reference)
        let encoder = try #require(Self.encoder)
        let embeddings = encoder.encode(reference.sentences.map(\.text))
        var worst = 1.0
        for (row, embedding) in zip(reference.sentences, embeddings) {
            let cosine = embedding.cosine(Embedding(row.embedding))
            worst = min(worst, cosine)
            #expect(cosine >= 0.999, "\(row.text): cosine \(cosine)")
        }
        #expect(worst >= 0.999)
    }

    @Test func oneByOneEqualsBatched() throws {
        let reference = try #require(Self.reference)
        let encoder = try #require(Self.encoder)
        let texts = reference.sentences.map(\.text)
        let batched = encoder.encode(texts)
        for (text, vector) in zip(texts, batched) {
            #expect(encoder.encode(text).cosine(vector) > 0.99999)
        }
    }

    @Test func meaningOverWords() throws {
        let encoder = try #require(Self.encoder)
        let vectors = encoder.encode([
            "The council approved the bridge repair plan.",
            "City councillors voted to fix the bridge.",
            "The council approved the new football stadium plan.",
            "Neural networks can spot patterns in online misinformation.",
        ])
        #expect(vectors[0].cosine(vectors[1]) > vectors[0].cosine(vectors[3]) + 0.3)
        #expect(vectors[0].cosine(vectors[1]) > 0.6)
    }

    @Test func identityIsRecordedWithTheShippedChecksum() throws {
        let encoder = try #require(Self.encoder)
        #expect(encoder.identity.name == "all-MiniLM-L6-v2")
        #expect(encoder.identity.sha256?.count == 64)
        #expect(encoder.identity.details["storage"] == "float16")
        #expect(encoder.dimensions == 384)
    }
}

extension EncoderParityTests {
    @Test func manifestChecksumIsTheShippedFile() throws {
        let encoder = try #require(Self.encoder)
        let directory = try #require(try ModelDirectory.standard().file("encoder"))
        let data = try Data(contentsOf: directory.appendingPathComponent("model.safetensors"))
        #expect(Digests.sha256Hex(data) == encoder.identity.sha256, "manifest.json is stale; rerun scripts/encoder/export.py")
    }
}
