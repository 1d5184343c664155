public import CrosscheckKit

/// `crosscheck batch match`: `{"id", "text"}` to `{"id", "matches": [{"id", "score"}]}`, best first.
public struct MatchBatchTask: TypedBatchTask {
    public var matcher: ClaimMatcher
    public var top: Int

    public init(matcher: ClaimMatcher, top: Int) {
        self.matcher = matcher
        self.top = top
    }

    public struct Input: BatchInput {
        public var text: String
    }

    public struct Output: Encodable {
        public struct Match: Encodable {
            public var id: String
            public var score: Double
            public var strong: Bool
            public var rating: String?
        }

        public var matches: [Match]
    }

    public func answer(_ input: Input) -> Output {
        Output(
            matches: matcher.match(input.text, limit: top, includeWeak: true).map { match in
                Output.Match(id: match.factCheck.id, score: match.score, strong: match.strong, rating: match.factCheck.rating)
            })
    }
}
