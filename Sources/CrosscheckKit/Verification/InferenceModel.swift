public import Foundation

/// The trained inference model: a cross-encoder fine-tuned from the sentence encoder that reads a
/// passage and a claim together and gives the probabilities that the passage entails the claim,
/// contradicts it, or neither — learned from natural-language-inference and claim-verification
/// pairs (`scripts/train-stance/train.py`).
public struct InferenceModel: Sendable {
    public let pairs: CrossEncoder
    let supportsIndex: Int
    let refutesIndex: Int
    let neutralIndex: Int

    /// Wraps a cross-encoder whose labels are `entails`, `contradicts` and `neutral`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a label is absent.
    public init(pairs: CrossEncoder) throws {
        guard let supports = pairs.labels.firstIndex(of: "entails"), let refutes = pairs.labels.firstIndex(of: "contradicts"),
            let neutral = pairs.labels.firstIndex(of: "neutral")
        else {
            throw CrosscheckError(
                .modelMissing, "the inference model's labels are \(pairs.labels); it needs entails, contradicts and neutral — retrain it")
        }
        self.pairs = pairs
        self.supportsIndex = supports
        self.refutesIndex = refutes
        self.neutralIndex = neutral
    }

    public var identity: ModelIdentity { pairs.identity }

    /// Probabilities of supports, refutes and neutral for each passage, in order.
    public func stances(claim: String, evidence: [String]) -> [StanceProbabilities] {
        stances(evidence.map { (claim: claim, evidence: $0) })
    }

    /// Probabilities of supports, refutes and neutral for each (claim, evidence) pair, in order,
    /// read in batches of similar length.
    public func stances(_ items: [(claim: String, evidence: String)]) -> [StanceProbabilities] {
        pairs.probabilities(items.map { (first: $0.evidence, second: $0.claim) }).map { p in
            StanceProbabilities(supports: p[supportsIndex], refutes: p[refutesIndex], neutral: p[neutralIndex])
        }
    }

    /// The inference model shipped with the engine, on `encoder`, from `models` (by default
    /// ``ModelDirectory/standard(environment:)``); `nil` when its files were removed.
    public static func bundled(encoder: SentenceEncoder, from models: ModelDirectory? = nil) throws -> InferenceModel? {
        let models = try models ?? .standard()
        guard models.hasTransformer("stance"), let url = models.file("stance") else { return nil }
        return try InferenceModel(pairs: CrossEncoder(directory: url, encoder: encoder))
    }
}
