public import CrosscheckKit

/// `crosscheck batch match`: `{"id", "text"}` to `{"id", "matches": [{"id", "score"}]}`, best first.
public struct MatchBatchTask: BatchTask {
    public var matcher: ClaimMatcher
    public var top: Int

    public init(matcher: ClaimMatcher, top: Int) {
        self.matcher = matcher
        self.top = top
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        let matches = matcher.match(text, limit: top, includeWeak: true)
        return [
            "matches": matches.map { match -> [String: Any] in
                var entry: [String: Any] = ["id": match.factCheck.id, "score": match.score, "strong": match.strong]
                if let rating = match.factCheck.rating { entry["rating"] = rating }
                return entry
            }
        ]
    }
}
