import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped check-worthiness classifier (fine-tuned from the sentence encoder) against the
/// trainer's own outputs (`scripts/train-classifier/train.py --reference-only`: PyTorch over the
/// exported float16 weights) on written sentences, and its place in the check-worthiness model.
@Suite("Check-worthiness classifier")
struct CheckworthinessClassifierTests {
    struct Reference: Decodable {
        struct Row: Decodable {
            var text: String
            var ids: [Int32]
            var probabilities: [Double]
        }
        var model: String
        var labels: [String]
        var texts: [Row]
    }

    /// The trainer's reference outputs kept in `Resources/<folder>/reference.json`.
    static func reference(in folder: String) -> Reference? {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Resources/" + folder),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }

    static let reference = reference(in: "checkworthiness-ce")

    static let model: CheckworthinessModel? = {
        guard let encoder = try? SentenceEncoder.bundled() else { return nil }
        return try? CheckworthinessModel.bundled(encoder: encoder)
    }()

    @Test func theShippedModelDecidesWithTheClassifierAndItsThreshold() throws {
        let reference = try #require(Self.reference)
        let model = try #require(Self.model, "the check-worthiness model should load with the encoder")
        let classifier = try #require(model.fineTuned, "the fine-tuned classifier should be used when the encoder is installed")
        #expect(reference.model == classifier.identity.version)
        #expect(model.version == classifier.identity.version)
        #expect(reference.labels == classifier.labels)
        #expect(model.threshold == classifier.threshold)
    }

    @Test func tokensAndProbabilitiesMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let classifier = try #require(Self.model?.fineTuned)
        for row in reference.texts { #expect(classifier.ids(row.text) == row.ids, "\(row.text)") }
        var worst = 0.0
        for (row, p) in zip(reference.texts, classifier.probabilities(reference.texts.map(\.text))) {
            for (x, y) in zip(row.probabilities, p) { worst = max(worst, abs(x - y)) }
        }
        #expect(worst < 2e-3, "largest difference \(worst)")
    }

    @Test func statementsOfFactRankAbovePleasantries() throws {
        let model = try #require(Self.model)
        let facts = [
            "Unemployment fell to 3.9 percent last year, the lowest rate in two decades.",
            "Crime rose by 12 percent in the first six months after the law took effect.",
        ]
        let pleasantries = ["Thank you very much, it is great to be here tonight.", "What a day this has been for all of us."]
        let scores = model.scores(facts + pleasantries)
        #expect(scores[0] >= model.threshold && scores[1] >= model.threshold, "\(scores)")
        #expect(scores[2] < model.threshold && scores[3] < model.threshold, "\(scores)")
    }

    @Test func withoutTheEncoderTheWordsModelDecides() throws {
        let words = try CheckworthinessModel.bundled(encoder: nil)
        #expect(words.fineTuned == nil)
        #expect(words.version.hasPrefix("checkworthiness-lr-"))
    }
}
