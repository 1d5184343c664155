/// A stance as three probabilities that add up to one.
public struct StanceProbabilities: Sendable, Hashable {
    public var supports: Double
    public var refutes: Double
    public var neutral: Double

    public init(supports: Double, refutes: Double, neutral: Double) {
        self.supports = supports
        self.refutes = refutes
        self.neutral = neutral
    }
}
