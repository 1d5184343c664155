public import CrosscheckKit

/// `crosscheck batch retrieve-verify`: `{"id", "claim"}` to the verify output, the evidence being
/// the retrieved passages, each with its document id.
public struct RetrieveVerifyBatchTask: TypedBatchTask, Sendable {
    public var verifier: ClaimVerifier
    /// Finds the passages for a claim; a failure (the store cannot be read) is that line's error,
    /// never "not enough info".
    public var retrieve: @Sendable (String) async throws -> [RankedPassage]

    public init(verifier: ClaimVerifier, retrieve: @escaping @Sendable (String) async throws -> [RankedPassage]) {
        self.verifier = verifier
        self.retrieve = retrieve
    }

    public struct Input: BatchInput {
        public var claim: String
    }

    public struct Output: Encodable {
        public struct Evidence: Encodable {
            public var id: String
            public var documentID: String
            public var passage: Int
            public var stance: String
            public var score: Double
            public var retrievalScore: Double
            public var relevance: Double
            public var reasons: [String]

            enum CodingKeys: String, CodingKey {
                case id, documentID = "document_id", passage, stance, score, retrievalScore = "retrieval_score", relevance, reasons
            }
        }

        public var label: String
        public var confidence: Double
        public var evidence: [Evidence]
        public var reasons: [String]
    }

    public func answer(_ input: Input) async throws -> Output {
        let found = try await retrieve(input.claim)
        let verification = verifier.verify(claim: input.claim, retrieved: found)
        return Output(
            label: verification.label, confidence: verification.confidence,
            evidence: zip(found.map(\.hit), verification.passages).map { hit, judged in
                Output.Evidence(
                    id: hit.documentKey, documentID: hit.documentKey, passage: hit.passage.ordinal, stance: judged.stance.stance,
                    score: judged.stance.score.rounded(toPlaces: 4), retrievalScore: hit.score.rounded(toPlaces: 4),
                    relevance: (judged.passage.relevance ?? 0).rounded(toPlaces: 4), reasons: judged.stance.reasons)
            },
            reasons: verification.reasons)
    }
}
