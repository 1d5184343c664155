public import Foundation

/// Whether a retrieved passage is evidence about the claim: a logistic regression over
/// ``RelevanceFeatures``, trained on SciFact (passages that hold a rationale sentence of a cited
/// abstract are relevant). Passages below the threshold are not judged, so a claim with nothing
/// relevant in the store is "not enough info".
public struct RelevanceModel: Sendable {
    public var model: DenseLogisticModel
    /// The probability a passage needs to count as evidence.
    public var threshold = 0.25

    public init(model: DenseLogisticModel) {
        self.model = model
    }

    public var version: String { model.version }

    /// The probability that each candidate (best retrieval score first) is about the claim.
    public func probabilities(claim: String, candidates: [(text: String, title: String?, score: Double)], idf: [String: Double]) -> [Double] {
        RelevanceFeatures.rows(claim: claim, candidates: candidates, idf: idf).map(model.probability)
    }

    public static func load(from data: Data) throws -> RelevanceModel {
        RelevanceModel(
            model: try DenseLogisticModel.load(
                from: data, kind: "relevance", names: RelevanceFeatures.names, rebuild: "crosscheck train relevance"))
    }

    /// The shipped model, from `models` (by default ``ModelDirectory/standard(environment:)``).
    public static func bundled(from models: ModelDirectory? = nil) throws -> RelevanceModel {
        let models = try models ?? .standard()
        guard let url = models.file("relevance.model") else {
            throw CrosscheckError(
                .modelMissing, "the relevance model is not in \(models); rebuild, or run crosscheck train relevance", adjustment: .modelDirectory)
        }
        return try load(from: Data(contentsOf: url))
    }
}
