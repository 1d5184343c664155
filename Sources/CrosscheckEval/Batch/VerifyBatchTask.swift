public import CrosscheckKit
public import Foundation

/// `crosscheck batch verify`: `{"id", "claim", "evidence": [{"id", "text", "title"?}]}` to `{"id",
/// "label", "confidence", "evidence": [{"id", "stance", "score"}]}` — evidence in the order given.
public struct VerifyBatchTask: BatchTask {
    public var verifier: ClaimVerifier

    public init(verifier: ClaimVerifier) {
        self.verifier = verifier
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let claim = try object.requiredString("claim")
        guard let evidence = object["evidence"] as? [[String: Any]] else { throw BatchLineError.missing("evidence", kind: "a list of {\"id\", \"text\"}") }
        let passages = evidence.enumerated().map { index, item in
            EvidencePassage(id: Self.id(item["id"]) ?? String(index), text: item["text"] as? String ?? "", title: item["title"] as? String)
        }
        let verification = verifier.verify(claim: claim, passages: passages)
        return [
            "label": verification.label, "confidence": verification.confidence,
            "evidence": zip(evidence, verification.passages).map { item, judged -> [String: Any] in
                ["id": item["id"] ?? NSNull(), "stance": judged.stance.stance, "score": judged.stance.score.rounded(toPlaces: 4),
                    "reasons": judged.stance.reasons]
            },
            "reasons": verification.reasons,
        ]
    }

    static func id(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
