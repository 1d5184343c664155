import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckKit

/// A tiny random-weight pair classifier on the tiny encoder: the file's round trip, pair tokens and
/// truncation, batching, and the refusal of files that do not fit.
@Suite("Cross-encoder runtime")
struct TinyCrossEncoderTests {
    static let encoderSum = "0123456789abcdef-tiny-encoder"
    static let labels = ["entails", "contradicts", "neutral"]

    /// A tiny encoder directory with a manifest naming its checksum.
    static func encoder() throws -> SentenceEncoder {
        let directory = try TinyEncoderTests.write(TinyEncoderTests.tensors(seed: 5))
        try JSONEncoder().encode(["name": "tiny", "sha256": encoderSum, "version": "1"])
            .write(to: directory.appendingPathComponent("manifest.json"))
        return try SentenceEncoder(directory: directory)
    }

    /// A tiny pair model: the encoder's shapes without word embeddings, plus a classifier.
    static func write(seed: UInt64, labels: [String] = labels, trainedOn: String = encoderSum, float16: Bool = false) throws -> URL {
        var generator = SeededGenerator(seed: seed &+ 100)
        let hidden = TinyEncoderTests.config.hiddenSize
        var tensors = TinyEncoderTests.tensors(seed: seed).filter { $0.name != "embeddings.word_embeddings.weight" }
        tensors.append(
            ("classifier.weight", [labels.count, hidden], (0..<(labels.count * hidden)).map { _ in Float.random(in: -1...1, using: &generator) }))
        tensors.append(("classifier.bias", [labels.count], (0..<labels.count).map { _ in Float.random(in: -0.2...0.2, using: &generator) }))
        let directory = ScratchFolder.root.appendingPathComponent("tiny-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try SafeTensors.encode(tensors, float16: float16, metadata: ["name": "tiny-pairs"]).write(
            to: directory.appendingPathComponent("model.safetensors"))
        let manifest = CrossEncoder.Manifest(
            name: "tiny-pairs", version: "tiny-1", labels: labels, sha256: nil, storage: nil, maxLength: 12,
            wordEmbeddingsFrom: .init(name: "tiny", sha256: trainedOn))
        try JSONEncoder().encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
        return directory
    }

    @Test func pairsAreTypedAndCutLongestFirst() throws {
        let tokenizer = try WordPieceTokenizer(vocabulary: TinyEncoderTests.vocabulary)
        let pair = tokenizer.pairIDs("the bridge", "a vote", maxTokens: 12)
        #expect(pair.ids == [2, 4, 5, 3, 10, 7, 3])
        #expect(pair.types == [0, 0, 0, 0, 1, 1, 1])
        // 8 + 2 pieces in a budget of 9: the shorter keeps both, the longer is cut to 7.
        let cut = tokenizer.pairIDs("the the the the the the the the", "a vote", maxTokens: 12)
        #expect(cut.ids == [2, 4, 4, 4, 4, 4, 4, 4, 3, 10, 7, 3])
        // Both longer than half the budget: an even split, the odd token to the longer.
        let even = tokenizer.pairIDs("the the the the the the", "vote vote vote vote vote", maxTokens: 10)
        #expect(even.ids == [2, 4, 4, 4, 4, 3, 7, 7, 7, 3])
        #expect(even.types.count == even.ids.count)
    }

    @Test func probabilitiesRoundTripAndBatch() throws {
        let encoder = try Self.encoder()
        var model = try CrossEncoder(directory: try Self.write(seed: 9), encoder: encoder)
        #expect(model.labels == Self.labels)
        #expect(model.identity.version == "tiny-1")
        let pairs = [
            (first: "the bridge", second: "a vote"), (first: "a vote", second: "the bridge"), (first: "cafe cable", second: "the council votes"),
        ]
        let together = model.probabilities(pairs)
        for p in together {
            #expect(p.count == 3)
            #expect(abs(p.reduce(0, +) - 1) < 1e-9)
        }
        // Which text comes first matters (token types and positions).
        #expect(together[0] != together[1])
        model.batchTokens = 4
        let apart = model.probabilities(pairs)
        for (a, b) in zip(together, apart) {
            for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-5) }
        }
        // Half precision on disk reads back close to the float file.
        let half = try CrossEncoder(directory: try Self.write(seed: 9, float16: true), encoder: encoder)
        for (a, b) in zip(together, half.probabilities(pairs)) {
            for (x, y) in zip(a, b) { #expect(abs(x - y) < 0.01) }
        }
    }

    @Test func refusesAModelTrainedOnAnotherEncoder() throws {
        let encoder = try Self.encoder()
        do {
            _ = try CrossEncoder(directory: try Self.write(seed: 1, trainedOn: "feedface"), encoder: encoder)
            Issue.record("loaded a model trained on another encoder")
        } catch let error as CrosscheckError {
            #expect(error.code == .modelMissing)
            #expect(error.message.contains("trained on encoder"))
        }
        // Labels an inference model cannot use.
        let other = try CrossEncoder(directory: try Self.write(seed: 1, labels: ["yes", "no", "maybe"]), encoder: encoder)
        #expect(throws: CrosscheckError.self) { try InferenceModel(pairs: other) }
        // A classifier with the wrong number of rows for its labels.
        let directory = try Self.write(seed: 1)
        var manifest = try JSONDecoder().decode(CrossEncoder.Manifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        manifest.labels = ["entails", "contradicts"]
        try JSONEncoder().encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
        #expect(throws: CrosscheckError.self) { try CrossEncoder(directory: directory, encoder: encoder) }
        // Label bigram counts that do not fit its labels.
        manifest.labels = Self.labels
        manifest.transitions = [[1, 2], [3, 4]]
        try JSONEncoder().encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
        #expect(throws: CrosscheckError.self) { try CrossEncoder(directory: directory, encoder: encoder) }
        // No weights.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("model.safetensors"))
        do {
            _ = try CrossEncoder(directory: directory, encoder: encoder)
            Issue.record("loaded without weights")
        } catch let error as CrosscheckError {
            #expect(error.code == .modelMissing)
            #expect(error.message.contains("restore"))
        }
    }

    @Test func inferenceModelMapsLabelsToStances() throws {
        let encoder = try Self.encoder()
        let pairs = try CrossEncoder(directory: try Self.write(seed: 4, labels: ["neutral", "entails", "contradicts"]), encoder: encoder)
        let model = try InferenceModel(pairs: pairs)
        let raw = pairs.probabilities([(first: "the bridge", second: "a vote")])[0]
        let stance = model.stances(claim: "a vote", evidence: ["the bridge"])[0]
        #expect(abs(stance.neutral - raw[0]) < 1e-12)
        #expect(abs(stance.supports - raw[1]) < 1e-12)
        #expect(abs(stance.refutes - raw[2]) < 1e-12)
    }
}
