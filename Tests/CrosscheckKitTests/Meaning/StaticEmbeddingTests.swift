import Foundation
import Testing

@testable import CrosscheckKit

/// The static embedding distilled from an encoder: a vector per vocabulary token, kept in the
/// cache folder, and texts as weighted means of their tokens.
@Suite("Static embedding")
struct StaticEmbeddingTests {
    @Test func distilledOnceThenReadFromTheCacheAndTextsAreUnitVectors() throws {
        let folder = FixedEmbeddingsTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let encoder = try FixedEmbeddingsTests.encoder(seed: 5, sha256: "aa")
        let first = StaticEmbedding(encoder: encoder, cache: FixedEmbeddings(folder: folder))
        #expect(first.vocabularySize == encoder.config.vocabularySize && first.dimensions == encoder.dimensions)
        #expect(FixedEmbeddingsTests.files(in: folder).count == 1)
        #expect(first.identity.recorded != encoder.identity.recorded, "a static index is never read as the encoder's")
        let again = StaticEmbedding(encoder: encoder, cache: FixedEmbeddings(folder: folder))
        #expect(again.vectors == first.vectors)

        let vector = first.embed("the bridge")
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        #expect(first.embed("").allSatisfy { $0 == 0 })
        // A token's weight scales its pull: weighting one token alone leaves its direction.
        let tokens = first.tokens("the bridge")
        #expect(tokens.count == 2 && !tokens.contains(encoder.tokenizer.classify))
        var weights = [Float](repeating: 0, count: first.vocabularySize)
        weights[Int(tokens[1])] = 3
        let alone = first.embed(tokens: [tokens[1]], weights: [])
        let weighted = first.embed(tokens: tokens, weights: weights)
        #expect(zip(alone, weighted).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(StaticEmbedding.weights(documentFrequencies: [0, 10, 100], documents: 100).isSorted(by: >))
    }
}

extension Array where Element: Comparable {
    fileprivate func isSorted(by order: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { order($0, $1) }
    }
}
