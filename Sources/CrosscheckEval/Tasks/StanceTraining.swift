public import CrosscheckKit

/// Trains the stance model.
public struct StanceTraining: Sendable {
    public var featurizer = TextFeaturizer(dimensions: 1 << 18, wordNgrams: 1, charMin: 0, charMax: 0, cueWeight: 1)
    public var training = LogisticRegression.TrainingOptions(epochs: 10, learningRate: 0.05, l2: 1e-5, seed: 1)

    public init() {
        featurizer.wordWeight = 0
    }

    public func train(_ pairs: [StanceData.Pair], info: [String: String] = [:]) -> StanceModel {
        let vectors = pairs.map { featurizer.vector($0.evidence, cues: StanceFeatures.cues(claim: $0.claim, evidence: $0.evidence)) }
        let heads = ["supports", "refutes", "neutral"].map { stance in
            MultiHeadClassifier.Head(
                name: stance,
                model: LogisticRegression.train(
                    zip(vectors, pairs).map { (vector: $0, label: $1.stance == stance, weight: Float(1)) },
                    dimensions: featurizer.dimensions, options: training),
                threshold: 0.5)
        }
        return StanceModel(classifier: MultiHeadClassifier(kind: "stance", featurizer: featurizer, heads: heads, info: info))
    }
}
