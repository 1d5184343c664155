import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped machine-written-text classifier (fine-tuned from the sentence encoder) against the
/// trainer's own outputs (`scripts/train-classifier/train.py --task machine-text --reference-only`)
/// on written texts, and how it is mixed with the regression of words.
@Suite("Machine-written text classifier")
struct MachineTextClassifierTests {
    static let reference = CheckworthinessClassifierTests.reference(in: "machine-text-ce")

    static let classifier: TextClassifier? = {
        guard let encoder = try? SentenceEncoder.bundled() else { return nil }
        return try? TextClassifier.bundled(.machine, encoder: encoder)
    }()

    @Test func theShippedClassifierDecidesWithItsOwnThreshold() throws {
        let reference = try #require(Self.reference)
        let classifier = try #require(Self.classifier, "the machine-text classifier should load with the encoder")
        let fineTuned = try #require(classifier.fineTuned, "the fine-tuned classifier should be used when the encoder is installed")
        #expect(reference.model == fineTuned.identity.version)
        #expect(classifier.version.hasPrefix(fineTuned.identity.version + " × "), "the report names both models and the mix")
        #expect(classifier.version.contains("machine-lr-"))
        let blend = try #require(fineTuned.blend, "the shipped classifier is mixed with the regression of words")
        #expect(classifier.threshold == blend.threshold)
        #expect(blend.weight > 0 && blend.weight < 1)
        #expect(fineTuned.labels == ["human", "machine"])
    }

    @Test func probabilitiesMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let fineTuned = try #require(Self.classifier?.fineTuned)
        for row in reference.texts { #expect(fineTuned.ids(row.text) == row.ids, "\(row.text)") }
        var worst = 0.0
        for (row, p) in zip(reference.texts, fineTuned.probabilities(reference.texts.map(\.text))) {
            for (x, y) in zip(row.probabilities, p) { worst = max(worst, abs(x - y)) }
        }
        #expect(worst < 2e-3, "largest difference \(worst)")
        // The classifier's score is the blend of the two probabilities.
        let classifier = try #require(Self.classifier)
        let blend = try #require(fineTuned.blend)
        let text = reference.texts[0].text
        let words = Double(classifier.model.probability(TextClassifier.vector(text, task: .machine, featurizer: classifier.featurizer)))
        #expect(abs(classifier.score(text) - (blend.weight * reference.texts[0].probabilities[1] + (1 - blend.weight) * words)) < 2e-3)
    }

    @Test func withoutTheEncoderTheWordsModelDecides() throws {
        let words = try TextClassifier.bundled(.machine, encoder: nil)
        #expect(words.fineTuned == nil)
        #expect(!words.version.hasPrefix("machine-text-ce-"))
        let spam = try TextClassifier.bundled(.spam, encoder: try #require(try? SentenceEncoder.bundled()))
        #expect(spam.fineTuned == nil, "spam has no fine-tuned classifier")
    }
}
