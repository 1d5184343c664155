import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped inference model against the trainer's own outputs (`scripts/train-stance/train.py
/// --reference-only`: PyTorch over the exported float16 weights) on written pairs, and the
/// verdicts those pairs must get once the model and the explainable checks are combined.
@Suite("Inference model parity")
struct InferenceParityTests {
    struct Reference: Decodable {
        struct Row: Decodable {
            var phenomenon: String
            var label: String
            var evidence: String
            var claim: String
            var ids: [Int32]
            var types: [Int32]
            var probabilities: [Double]
        }
        struct Cut: Decodable {
            var evidence: String
            var claim: String
            var maxLength: Int
            var ids: [Int32]
            var types: [Int32]
        }
        var model: String
        var labels: [String]
        var pairs: [Row]
        var truncated: [Cut]
    }

    static let reference: Reference? = {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Resources/stance"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let model: InferenceModel? = {
        guard let encoder = try? SentenceEncoder.bundled() else { return nil }
        return try? InferenceModel.bundled(encoder: encoder)
    }()

    @Test func theReferenceIsForTheShippedModel() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model, "the shipped inference model should load")
        #expect(reference.model == model.identity.version)
        #expect(reference.labels == model.pairs.labels)
    }

    @Test func pairTokensMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model)
        for row in reference.pairs {
            let pair = model.pairs.pairIDs(row.evidence, row.claim)
            #expect(pair.ids == row.ids, "\(row.claim)")
            #expect(pair.types == row.types, "\(row.claim)")
        }
        for cut in reference.truncated {
            let pair = model.pairs.tokenizer.pairIDs(cut.evidence, cut.claim, maxTokens: cut.maxLength)
            #expect(pair.ids == cut.ids, "\(cut.claim)")
            #expect(pair.types == cut.types, "\(cut.claim)")
        }
    }

    @Test func probabilitiesMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model)
        let probabilities = model.pairs.probabilities(reference.pairs.map { (first: $0.evidence, second: $0.claim) })
        var worst = 0.0
        for (row, p) in zip(reference.pairs, probabilities) {
            for (x, y) in zip(row.probabilities, p) { worst = max(worst, abs(x - y)) }
        }
        #expect(worst < 2e-3, "largest difference \(worst)")
    }

    /// The pairs the model and the checks together still get wrong: a hedged finding read as
    /// proof of a categorical claim, an opposite inside a comparison ("less likely" against "more
    /// likely"), a negation in the passage alone (the model reads "did not lower" as "lowered";
    /// the polarity check finds it but is not sure enough to overrule the model), and two
    /// captions of unrelated scenes with no word in common, which SNLI's convention calls a
    /// contradiction and the shipped model, averaged between the stage that learnt it and the one
    /// that unlearnt it, still half believes. Listed so that fixing one is noticed.
    static let knownWrong: Set<String> = [
        "The drug lowered blood pressure in the trial.",
        "The compound cures cancer in patients.",
        "Sleeping less makes people less likely to catch a cold.",
        "A woman is reading a newspaper on a train.",
        "A chef is slicing onions in a busy kitchen.",
    ]

    /// Written pairs per phenomenon (negation on either side, quantity, time, swapped roles, hedged
    /// against categorical, unrelated, another scene, antonyms, paraphrase, everyday denials): the
    /// verdict of one-passage verification.
    @Test func writtenPairsGetTheirVerdicts() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model)
        let verifier = ClaimVerifier(model: try StanceModel.bundled(), inference: model)
        for row in reference.pairs {
            let expected = ["entails": "supported", "contradicts": "refuted", "neutral": "not_enough_info"][row.label]
            let label = verifier.verify(claim: row.claim, passages: [EvidencePassage(id: "1", text: row.evidence)]).label
            if Self.knownWrong.contains(row.claim) {
                withKnownIssue("\(row.phenomenon): not yet right") { #expect(label == expected, "\(row.claim)") }
            } else {
                #expect(label == expected, "\(row.phenomenon): \(row.claim) → \(label)")
            }
        }
    }
}
