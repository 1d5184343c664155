public import CrosscheckKit

/// `crosscheck batch language`: `{"id", "text", "subject"?, "context"?}` to `{"id", "score",
/// "techniques": [{"technique", "start", "end", "score"}], "truthfulness": {"label", "score"}, "reasons"}`.
public struct LanguageBatchTask: BatchTask {
    public var analyzer: LanguageAnalyzer

    public init(analyzer: LanguageAnalyzer) {
        self.analyzer = analyzer
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        let section = analyzer.analyze(text: text, title: object["title"] as? String, claims: nil)
        var output: [String: Any] = [
            "score": section.score,
            "techniques": section.techniques.map { ["technique": $0.technique, "start": $0.start, "end": $0.end, "score": $0.score] as [String: Any] },
            "reasons": section.reasons,
        ]
        if let estimate = analyzer.truthfulnessEstimate(text, subject: object["subject"] as? String, context: object["context"] as? String) {
            output["truthfulness"] = ["label": estimate.label, "score": estimate.score, "note": "a weak prior from wording alone, never a verdict"] as [String: Any]
        }
        return output
    }
}
