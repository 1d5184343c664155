public import CrosscheckKit

/// `crosscheck batch retrieve-verify`: `{"id", "claim"}` to the verify output, the evidence being
/// the retrieved passages, each with its document id.
public struct RetrieveVerifyBatchTask: BatchTask, Sendable {
    public var verifier: ClaimVerifier
    public var retrieve: @Sendable (String) -> [PassageHit]

    public init(verifier: ClaimVerifier, retrieve: @escaping @Sendable (String) -> [PassageHit]) {
        self.verifier = verifier
        self.retrieve = retrieve
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let claim = try object.requiredString("claim")
        let hits = retrieve(claim)
        let verification = verifier.verify(claim: claim, passages: hits.map(EvidencePassage.init))
        return [
            "label": verification.label, "confidence": verification.confidence,
            "evidence": zip(hits, verification.passages).map { hit, judged -> [String: Any] in
                ["id": hit.documentKey, "document_id": hit.documentKey, "passage": hit.passage.ordinal, "stance": judged.stance.stance,
                    "score": judged.stance.score.rounded(toPlaces: 4), "retrieval_score": hit.score.rounded(toPlaces: 4),
                    "reasons": judged.stance.reasons]
            },
            "reasons": verification.reasons,
        ]
    }
}
