import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped attribution tagger against its trainer's own outputs (`scripts/train-attribution/
/// train.py --reference-only`: PyTorch over the exported float16 weights) on fixed texts: the same
/// words, and the same label probabilities for each.
@Suite("Attribution tagger parity")
struct AttributionParityTests {
    struct Reference: Decodable {
        struct Text: Decodable {
            var text: String
            var words: [[Int]]
            var probabilities: [[Double]]
        }
        var model: String
        var labels: [String]
        var texts: [Text]
    }

    static let reference: Reference? = {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Resources/attribution"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let tagger: AttributionTagger? = {
        guard let encoder = try? SentenceEncoder.bundled() else { return nil }
        return try? AttributionTagger.bundled(encoder: encoder)
    }()

    @Test func theReferenceIsForTheShippedTagger() throws {
        let reference = try #require(Self.reference)
        let tagger = try #require(Self.tagger, "the shipped attribution tagger should load")
        // The reference holds the weights' probabilities; reading them as a sequence is the runtime's.
        #expect(reference.model == tagger.tagger.identity.version)
        #expect(reference.labels == tagger.tagger.labels)
    }

    @Test func wordsAndProbabilitiesMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let tagger = try #require(Self.tagger)
        var worst = 0.0
        for text in reference.texts {
            let words = tagger.tagger.tag(Array(text.text.unicodeScalars))
            #expect(words.map { [$0.range.lowerBound, $0.range.upperBound] } == text.words, "\(text.text)")
            for (word, expected) in zip(words, text.probabilities) {
                for (x, y) in zip(word.probabilities, expected) { worst = max(worst, abs(x - y)) }
            }
        }
        #expect(worst < 2e-3, "largest difference \(worst)")
    }
}
