public import CrosscheckKit
public import Foundation

/// `crosscheck batch verify`: `{"id", "claim", "evidence": [{"id", "text", "title"?}]}` to `{"id",
/// "label", "confidence", "evidence": [{"id", "stance", "score"}]}`.
public struct VerifyBatchTask: BatchTask {
    public var model: StanceModel

    public init(model: StanceModel) {
        self.model = model
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let claim = try object.requiredString("claim")
        guard let evidence = object["evidence"] as? [[String: Any]] else { throw BatchLineError.missing("evidence", kind: "a list of {\"id\", \"text\"}") }
        let texts = evidence.map { item -> String in
            let text = item["text"] as? String ?? ""
            if let title = item["title"] as? String, !title.isEmpty { return title + ". " + text }
            return text
        }
        let verdict = model.verdict(claim: claim, evidence: texts)
        return [
            "label": verdict.label, "confidence": verdict.confidence,
            "evidence": zip(evidence, verdict.stances).map { item, stance -> [String: Any] in
                ["id": item["id"] ?? NSNull(), "stance": stance.stance, "score": stance.score]
            },
        ]
    }
}
