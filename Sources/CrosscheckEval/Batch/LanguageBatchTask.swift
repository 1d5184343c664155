public import CrosscheckKit

/// `crosscheck batch language`: `{"id", "text", "subject"?, "context"?}` to `{"id", "score",
/// "techniques": [{"technique", "start", "end", "score"}], "truthfulness": {"label", "score"}, "reasons"}`.
public struct LanguageBatchTask: TypedBatchTask {
    public var analyzer: LanguageAnalyzer

    public init(analyzer: LanguageAnalyzer) {
        self.analyzer = analyzer
    }

    public struct Input: BatchInput {
        public var text: String
        public var title: String?
        public var subject: String?
        public var context: String?
    }

    public struct Output: Encodable {
        public struct Technique: Encodable {
            public var technique: String
            public var start: Int
            public var end: Int
            public var score: Double
        }

        public struct Truthfulness: Encodable {
            public var label: String
            public var score: Double
            public var note = "a weak prior from wording alone, never a verdict"
        }

        public var score: Double
        public var techniques: [Technique]
        public var reasons: [String]
        public var truthfulness: Truthfulness?
    }

    public func answer(_ input: Input) -> Output {
        let section = analyzer.analyze(text: input.text, title: input.title, claims: nil)
        return Output(
            score: section.score,
            techniques: section.techniques.map { Output.Technique(technique: $0.technique, start: $0.start, end: $0.end, score: $0.score) },
            reasons: section.reasons,
            truthfulness: analyzer.truthfulnessEstimate(input.text, subject: input.subject, context: input.context).map {
                Output.Truthfulness(label: $0.label, score: $0.score)
            })
    }
}
