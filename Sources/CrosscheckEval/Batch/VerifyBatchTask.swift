public import CrosscheckKit

/// `crosscheck batch verify`: `{"id", "claim", "evidence": [{"id", "text", "title"?}]}` to `{"id",
/// "label", "confidence", "evidence": [{"id", "stance", "score"}]}` — evidence in the order given.
public struct VerifyBatchTask: TypedBatchTask {
    public var verifier: ClaimVerifier

    public init(verifier: ClaimVerifier) {
        self.verifier = verifier
    }

    public struct Input: BatchInput {
        public struct Evidence: Decodable {
            /// Echoed back as given; a passage without one is known by its position.
            public var id: JSONScalar?
            public var text: String?
            public var title: String?
        }

        public var claim: String
        public var evidence: [Evidence]

        public static func expected(_ field: String) -> String {
            field == "evidence" ? "a list of {\"id\", \"text\"}" : "a string"
        }
    }

    public struct Output: Encodable {
        public struct Evidence: Encodable {
            public var id: JSONScalar
            public var stance: String
            public var score: Double
            public var reasons: [String]
        }

        public var label: String
        public var confidence: Double
        public var evidence: [Evidence]
        public var reasons: [String]
    }

    public func answer(_ input: Input) -> Output {
        let passages = input.evidence.enumerated().map { index, item in
            EvidencePassage(id: item.id?.text ?? String(index), text: item.text ?? "", title: item.title)
        }
        let verification = verifier.verify(claim: input.claim, passages: passages)
        return Output(
            label: verification.label, confidence: verification.confidence,
            evidence: zip(input.evidence, verification.passages).map { item, judged in
                Output.Evidence(
                    id: item.id ?? .null, stance: judged.stance.stance, score: judged.stance.score.rounded(toPlaces: 4),
                    reasons: judged.stance.reasons)
            },
            reasons: verification.reasons)
    }
}
