/// Compares the claim's dates with the passage's, when the passage tells of the same thing.
///
/// Dates agree when one is a refinement of the other ("March 2026" and "2026-03-03"); they disagree
/// when the passage, which shares most of the claim's other words, gives a different date of the
/// same precision or a different year.
public struct DateCheck: StanceCheck {
    public init() {}

    /// How much of the claim's other words the passage must share before its dates count.
    public var minimumCoverage = 0.5

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        let claimDates = claim.dates.compactMap { mention in mention.value.map { (mention, $0) } }
        guard !claimDates.isEmpty else { return [] }
        let passageDates = passage.dates.compactMap { mention in mention.value.map { (mention, $0) } }
        guard !passageDates.isEmpty else { return [] }
        let dateTerms = Set(claim.dates.flatMap { RetrievalTerms.terms($0.text) })
        guard passage.coverage(of: claim, excluding: dateTerms) >= minimumCoverage else { return [] }
        var result: [CheckFinding] = []
        for (mention, value) in claimDates {
            if let match = passageDates.first(where: { value.hasPrefix($0.1) || $0.1.hasPrefix(value) }) {
                result.append(
                    CheckFinding(check: "date", effect: .supports, strength: 0.4, reason: "the source gives the same date: \(match.0.text)"))
            } else if let other = passageDates.first(where: { $0.1.count == value.count || $0.1.prefix(4) != value.prefix(4) }) {
                result.append(
                    CheckFinding(
                        check: "date", effect: .refutes, strength: 0.8,
                        reason: "the claim says \(mention.text) but the source says \(other.0.text)"))
            }
        }
        return result
    }
}
