/// One passage's stance toward a claim, with the reasons for it.
public struct PassageStance: Sendable, Hashable, Codable {
    /// `supports`, `refutes` or `neutral`.
    public var stance: String
    /// The probability of that stance, 0..1.
    public var score: Double
    public var supports: Double
    public var refutes: Double
    public var neutral: Double
    /// The share of the claim's terms the passage has.
    public var relevance: Double
    /// What the checks found, or what the model saw.
    public var reasons: [String]

    public init(supports: Double, refutes: Double, neutral: Double, relevance: Double, reasons: [String]) {
        let total = max(supports + refutes + neutral, 1e-12)
        self.supports = supports / total
        self.refutes = refutes / total
        self.neutral = neutral / total
        self.relevance = relevance
        self.reasons = reasons
        if self.supports >= self.refutes && self.supports >= self.neutral {
            stance = "supports"
            score = self.supports
        } else if self.refutes >= self.neutral {
            stance = "refutes"
            score = self.refutes
        } else {
            stance = "neutral"
            score = self.neutral
        }
    }
}
