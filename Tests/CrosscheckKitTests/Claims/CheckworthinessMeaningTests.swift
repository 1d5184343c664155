import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckKit

/// The check-worthiness model that reads meaning as well as words (used when the fine-tuned
/// classifier's folder is removed), and its fallback.
@Suite("Check-worthiness with the sentence encoder")
struct CheckworthinessMeaningTests {
    static let encoder = try? SentenceEncoder.bundled()

    /// The shipped models but the fine-tuned check-worthiness classifier, linked into a folder of
    /// their own; remove it when done.
    static func modelsWithoutTheClassifier() throws -> ModelDirectory {
        let shipped = try ModelDirectory.standard()
        let folder = ScratchFolder.root.appendingPathComponent("crosscheck-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.url.path) where name != "checkworthiness-ce" {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name), withDestinationURL: shipped.url.appendingPathComponent(name))
        }
        return ModelDirectory(url: folder)
    }

    @Test func withTheEncoderButNoClassifierTheMeaningModelScores() throws {
        let encoder = try #require(Self.encoder)
        let models = try Self.modelsWithoutTheClassifier()
        defer { try? FileManager.default.removeItem(at: models.url) }
        let model = try CheckworthinessModel.bundled(encoder: encoder, from: models)
        #expect(model.fineTuned == nil)
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
        let models = try Self.modelsWithoutTheClassifier()
        defer { try? FileManager.default.removeItem(at: models.url) }
        let model = try CheckworthinessModel.bundled(encoder: encoder, from: models)
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
