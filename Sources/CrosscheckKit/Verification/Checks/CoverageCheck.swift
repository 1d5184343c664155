/// Finds a passage that states the claim outright: it has nearly all of the claim's key terms,
/// numbers included. (The other checks catch the passages that share the words but flip the sense.)
public struct CoverageCheck: StanceCheck {
    public init() {}

    /// The share of the claim's key terms the passage must have.
    public var minimumCoverage = 0.85

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        guard claim.terms.count >= 3 else { return [] }
        let coverage = passage.coverage(of: claim)
        guard coverage >= minimumCoverage else { return [] }
        let missing = claim.terms.subtracting(passage.terms)
        let reason =
            missing.isEmpty
            ? "the source states it in the claim's own words"
            : "the source states it in nearly the claim's own words"
        return [CheckFinding(check: "coverage", effect: .supports, strength: 0.3 + 2 * (coverage - 0.7), reason: reason)]
    }
}
