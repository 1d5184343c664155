import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckKit

/// A tiny random-weight BERT the tests write themselves: loading, tokens, shapes, batching and
/// the refusal of files that do not fit.
@Suite("Sentence encoder runtime")
struct TinyEncoderTests {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "bridge", "council", "vote", "##s", "cable", "a",
        "cafe", ",", ".", "!", "un", "##able", "東",
    ]
    static let config = EncoderConfig(
        hiddenSize: 8, intermediateSize: 16, layers: 2, heads: 2, vocabularySize: vocabulary.count,
        maxPositions: 16, maxTokens: 12)

    static func tensors(seed: UInt64, config: EncoderConfig = config) -> [(name: String, shape: [Int], values: [Float])] {
        var generator = SeededGenerator(seed: seed)
        func random(_ shape: [Int]) -> [Float] {
            (0..<shape.reduce(1, *)).map { _ in Float.random(in: -0.5...0.5, using: &generator) }
        }
        let h = config.hiddenSize
        let i = config.intermediateSize
        var tensors: [(name: String, shape: [Int], values: [Float])] = [
            ("embeddings.word_embeddings.weight", [config.vocabularySize, h], random([config.vocabularySize, h])),
            ("embeddings.position_embeddings.weight", [config.maxPositions, h], random([config.maxPositions, h])),
            ("embeddings.token_type_embeddings.weight", [2, h], random([2, h])),
            ("embeddings.LayerNorm.weight", [h], [Float](repeating: 1, count: h)),
            ("embeddings.LayerNorm.bias", [h], random([h])),
        ]
        for layer in 0..<config.layers {
            let p = "encoder.layer.\(layer)."
            for name in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"] {
                tensors.append((p + name + ".weight", [h, h], random([h, h])))
                tensors.append((p + name + ".bias", [h], random([h])))
            }
            tensors.append((p + "intermediate.dense.weight", [i, h], random([i, h])))
            tensors.append((p + "intermediate.dense.bias", [i], random([i])))
            tensors.append((p + "output.dense.weight", [h, i], random([h, i])))
            tensors.append((p + "output.dense.bias", [h], random([h])))
            for norm in ["attention.output.LayerNorm", "output.LayerNorm"] {
                tensors.append((p + norm + ".weight", [h], random([h]).map { 1 + $0 }))
                tensors.append((p + norm + ".bias", [h], random([h])))
            }
        }
        return tensors
    }

    static func write(
        _ tensors: [(name: String, shape: [Int], values: [Float])], float16: Bool = false,
        config: EncoderConfig = config
    ) throws -> URL {
        let directory = ScratchFolder.root.appendingPathComponent("tiny-encoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(config).write(to: directory.appendingPathComponent("config.json"))
        try vocabulary.joined(separator: "\n").write(to: directory.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try SafeTensors.encode(tensors, float16: float16, metadata: ["name": "tiny"]).write(to: directory.appendingPathComponent("model.safetensors"))
        return directory
    }

    @Test func wordPiecesAndNormalisation() throws {
        let tokenizer = try WordPieceTokenizer(vocabulary: Self.vocabulary)
        #expect(tokenizer.words("Café, THE bridge!") == ["cafe", ",", "the", "bridge", "!"])
        // "votes" = vote + ##s; "unable" = un + ##able; an unknown word is one [UNK]; CJK split out.
        #expect(tokenizer.ids("Votes unable zebra 東", maxTokens: 20) == [2, 7, 8, 15, 16, 1, 17, 3])
        // Truncation keeps [CLS] … [SEP] within the limit.
        #expect(tokenizer.ids("the the the the the", maxTokens: 4) == [2, 4, 4, 3])
    }

    @Test func embeddingsAreUnitLengthAndBatchInvariant() throws {
        let encoder = try SentenceEncoder(directory: try Self.write(Self.tensors(seed: 7)))
        let texts = ["the bridge", "a council vote, the cable!", "cafe", "", "the bridge the bridge the bridge the bridge the bridge"]
        let batched = encoder.encode(texts)
        #expect(batched.count == texts.count)
        for (text, vector) in zip(texts, batched) {
            #expect(vector.values.count == 8)
            let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
            #expect(encoder.encode(text).cosine(vector) > 0.99999, "\(text)")
        }
        // Different texts get different vectors; the same text the same one.
        #expect(batched[0].cosine(batched[1]) < 0.9999)
        #expect(encoder.encode("the bridge") == encoder.encode("the bridge"))
    }

    @Test func smallBatchesGiveTheSameVectors() throws {
        var encoder = try SentenceEncoder(directory: try Self.write(Self.tensors(seed: 3)))
        let texts = ["the bridge", "a council vote", "cafe cable", "the vote"]
        let together = encoder.encode(texts)
        encoder.batchTokens = 3
        let apart = encoder.encode(texts)
        for (a, b) in zip(together, apart) { #expect(a.cosine(b) > 0.99999) }
    }

    @Test func halfPrecisionStaysCloseToFloat() throws {
        let tensors = Self.tensors(seed: 11)
        let full = try SentenceEncoder(directory: try Self.write(tensors))
        let half = try SentenceEncoder(directory: try Self.write(tensors, float16: true))
        for text in ["the bridge", "a council vote, the cable!"] {
            #expect(full.encode(text).cosine(half.encode(text)) > 0.999)
        }
    }

    @Test func refusesFilesThatDoNotFit() throws {
        // A weight of the wrong shape: config says 8 wide, the file is 6.
        var narrow = Self.config
        narrow.hiddenSize = 6
        narrow.heads = 2
        let mismatched = try Self.write(Self.tensors(seed: 1, config: narrow))
        #expect(throws: CrosscheckError.self) { try SentenceEncoder(directory: mismatched) }
        // A truncated weights file.
        let directory = try Self.write(Self.tensors(seed: 1))
        let url = directory.appendingPathComponent("model.safetensors")
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        #expect(throws: CrosscheckError.self) { try SentenceEncoder(directory: directory) }
        // No weights at all.
        try FileManager.default.removeItem(at: url)
        do {
            _ = try SentenceEncoder(directory: directory)
            Issue.record("loaded without weights")
        } catch let error as CrosscheckError {
            #expect(error.code == .modelMissing)
            #expect(error.message.contains("restore"))
        }
    }
}
