/// Finds a passage that says the opposite of the claim about the same thing: one side negated and
/// the other not, or opposite words ("rose" and "fell", "approved" and "rejected").
public struct PolarityCheck: StanceCheck {
    public init() {}

    /// How much of the claim's words the passage must share before a flip counts.
    public var minimumCoverage = 0.5

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        let polarityTerms = Set(RetrievalTerms.terms(PolarityLexicon.negations.joined(separator: " ")))
        let coverage = passage.coverage(of: claim, excluding: polarityTerms)
        guard coverage >= minimumCoverage else { return [] }
        var result: [CheckFinding] = []
        let opposed = PolarityLexicon.opposed(claim: claim.words, passage: passage.words)
        if let (said, found) = opposed.first {
            result.append(
                CheckFinding(
                    check: "polarity", effect: .refutes, strength: 0.6 + 0.3 * coverage,
                    reason: "the claim says \"\(said)\" where the source says \"\(found)\""))
        }
        let claimNegated = PolarityLexicon.isNegated(claim.words)
        let passageNegated = PolarityLexicon.isNegated(passage.words)
        if claimNegated != passageNegated, coverage >= 0.7, opposed.isEmpty {
            result.append(
                CheckFinding(
                    check: "polarity", effect: .refutes, strength: 0.3 + 0.3 * coverage,
                    reason: claimNegated ? "the claim denies what the source states" : "the source denies what the claim states"))
        }
        return result
    }
}
