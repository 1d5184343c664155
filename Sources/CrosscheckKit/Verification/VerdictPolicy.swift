/// Adds passage stances up to a verdict: `supported`, `refuted`, `mixed` or `not_enough_info`.
///
/// A side counts when its strongest passage clears the threshold; both sides counting is `mixed`.
/// Anything weaker is "not enough info": the policy prefers saying so to guessing.
public struct VerdictPolicy: Sendable, Hashable, Codable {
    /// The probability a supporting passage needs before the claim is supported.
    public var support: Double
    /// The probability a refuting passage needs before the claim is refuted.
    public var refute: Double

    public init(support: Double = 0.6, refute: Double = 0.6) {
        self.support = support
        self.refute = refute
    }

    /// The label and its confidence for these passage stances.
    public func verdict(_ stances: [PassageStance]) -> (label: String, confidence: Double) {
        let bestSupport = stances.map(\.supports).max() ?? 0
        let bestRefute = stances.map(\.refutes).max() ?? 0
        let supported = bestSupport >= support
        let refuted = bestRefute >= refute
        switch (supported, refuted) {
        case (true, true): return ("mixed", min(bestSupport, bestRefute))
        case (true, false): return ("supported", bestSupport * (1 - bestRefute / 2))
        case (false, true): return ("refuted", bestRefute * (1 - bestSupport / 2))
        case (false, false): return ("not_enough_info", 1 - max(bestSupport, bestRefute) / 2)
        }
    }
}
