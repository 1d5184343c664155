import Foundation
import Testing

@testable import CrosscheckKit

/// The check-worthiness model that reads meaning as well as words, and its fallback.
@Suite("Check-worthiness with the sentence encoder")
struct CheckworthinessMeaningTests {
    static let encoder = try? SentenceEncoder.bundled()

    @Test func withTheEncoderTheMeaningModelScores() throws {
        let encoder = try #require(Self.encoder)
        let model = try CheckworthinessModel.bundled(encoder: encoder)
        #expect(model.meaningDimensions == encoder.dimensions)
        #expect(model.version.hasPrefix("checkworthiness-meaning-lr-"))
        let scores = model.scores([
            "Unemployment fell to 3.5 percent last year, the lowest rate since 1969.",
            "Thank you all for coming tonight, it is great to be here.",
        ])
        #expect(scores[0] >= model.threshold)
        #expect(scores[1] < model.threshold)
        #expect(abs(model.score("Unemployment fell to 3.5 percent last year, the lowest rate since 1969.") - scores[0]) < 1e-6)
    }

    @Test func withoutTheEncoderTheWordsModelScores() throws {
        let model = try CheckworthinessModel.bundled(encoder: nil)
        #expect(model.meaningDimensions == 0)
        #expect(model.score("Unemployment fell to 3.5 percent last year, the lowest rate since 1969.") >= model.threshold)
    }

    @Test func meaningDimensionsSurviveTheFile() throws {
        let encoder = try #require(Self.encoder)
        let model = try CheckworthinessModel.bundled(encoder: encoder)
        let reloaded = try CheckworthinessModel.load(from: try model.encoded())
        #expect(reloaded.meaningDimensions == model.meaningDimensions)
        #expect(reloaded.classifier.weights.count == model.classifier.weights.count)
        // A file whose weights do not fit its header is refused.
        let damaged = ModelFile(
            kind: "checkworthiness",
            header: [
                "featurizer": model.featurizer.headerValue, "threshold": "0.5",
                "bias": "0", "meaningDimensions": "384",
            ], weights: [1, 2, 3]
        ).encoded()
        #expect(throws: CrosscheckError.self) { try CheckworthinessModel.load(from: damaged) }
    }
}
