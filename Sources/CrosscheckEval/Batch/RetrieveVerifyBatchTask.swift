public import CrosscheckKit

/// `crosscheck batch retrieve-verify`: `{"id", "claim"}` to the verify output, the evidence being
/// the retrieved passages, each with its document id.
public struct RetrieveVerifyBatchTask: BatchTask, Sendable {
    public var verifier: ClaimVerifier
    /// Finds the passages for a claim; a failure (the store cannot be read) is that line's error,
    /// never "not enough info".
    public var retrieve: @Sendable (String) async throws -> [RankedPassage]

    public init(verifier: ClaimVerifier, retrieve: @escaping @Sendable (String) async throws -> [RankedPassage]) {
        self.verifier = verifier
        self.retrieve = retrieve
    }

    public func process(_ object: [String: Any]) async throws -> [String: Any] {
        let claim = try object.requiredString("claim")
        let found = try await retrieve(claim)
        let hits = found.map(\.hit)
        let verification = verifier.verify(claim: claim, retrieved: found)
        return [
            "label": verification.label, "confidence": verification.confidence,
            "evidence": zip(hits, verification.passages).map { hit, judged -> [String: Any] in
                ["id": hit.documentKey, "document_id": hit.documentKey, "passage": hit.passage.ordinal, "stance": judged.stance.stance,
                    "score": judged.stance.score.rounded(toPlaces: 4), "retrieval_score": hit.score.rounded(toPlaces: 4),
                    "relevance": (judged.passage.relevance ?? 0).rounded(toPlaces: 4),
                    "reasons": judged.stance.reasons]
            },
            "reasons": verification.reasons,
        ]
    }
}
