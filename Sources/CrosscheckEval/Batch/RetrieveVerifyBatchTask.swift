public import CrosscheckKit

/// `crosscheck batch retrieve-verify`: `{"id", "claim"}` to the verify output, the evidence being
/// the retrieved passages, each with its document id.
public struct RetrieveVerifyBatchTask: BatchTask, Sendable {
    public var model: StanceModel
    public var retrieve: @Sendable (String) -> [PassageHit]

    public init(model: StanceModel, retrieve: @escaping @Sendable (String) -> [PassageHit]) {
        self.model = model
        self.retrieve = retrieve
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let claim = try object.requiredString("claim")
        let hits = retrieve(claim)
        let verdict = model.verdict(claim: claim, evidence: hits.map { ($0.title.map { $0 + ". " } ?? "") + $0.passage.text })
        return [
            "label": verdict.label, "confidence": verdict.confidence,
            "evidence": zip(hits, verdict.stances).map { hit, stance -> [String: Any] in
                ["id": hit.documentKey, "document_id": hit.documentKey, "passage": hit.passage.ordinal, "stance": stance.stance,
                    "score": stance.score, "retrieval_score": hit.score.rounded(toPlaces: 4)]
            },
        ]
    }
}
