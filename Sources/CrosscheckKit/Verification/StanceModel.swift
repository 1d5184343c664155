/// The trained stance model: probabilities that a passage supports, refutes or is neutral toward a claim.
public struct StanceModel: Sendable {
    public var classifier: MultiHeadClassifier

    public init(classifier: MultiHeadClassifier) {
        self.classifier = classifier
    }

    /// Probabilities of supports, refutes and neutral, in that order (normalised).
    public func stance(claim: String, evidence: String) -> StanceProbabilities {
        let scores = classifier.scores(evidence, cues: StanceFeatures.cues(claim: claim, evidence: evidence))
        func score(_ name: String) -> Double { classifier.head(name).map { scores[$0] } ?? 0 }
        let s = score("supports"), r = score("refutes"), n = score("neutral")
        let total = max(s + r + n, 1e-9)
        return StanceProbabilities(supports: s / total, refutes: r / total, neutral: n / total)
    }
}

extension StanceModel {
    /// The stance model shipped with the engine.
    public static func bundled(from models: ModelDirectory? = nil) throws -> StanceModel {
        StanceModel(classifier: try MultiHeadClassifier.bundled("stance", from: models))
    }
}
