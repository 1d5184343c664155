/// The claims a report puts in front of an editor: the check-worthy ones the calibrated model is
/// at least ``minimumProbability`` sure of, best first, and how many more check-worthy ones there
/// are. Without a calibrated model, every check-worthy claim is shown.
public struct ClaimCut: Sendable {
    /// The calibrated chance of being check-worthy a claim needs to be shown.
    public static let minimumProbability = 0.5

    /// The claims shown, best first.
    public var shown: [ReportClaim]
    /// Check-worthy claims by the model's threshold that are not shown.
    public var more: Int
    /// Whether the cut went by calibrated probabilities.
    public var calibrated: Bool

    /// The cut of `claims` (ranked best first, as reports hold them), at most `limit` shown.
    public init(_ claims: [ReportClaim], limit: Int = .max) {
        let checkworthy = claims.filter(\.checkworthy)
        calibrated = checkworthy.contains { $0.probability != nil }
        let sure = calibrated ? checkworthy.filter { ($0.probability ?? 0) >= Self.minimumProbability } : checkworthy
        shown = Array(sure.prefix(limit))
        more = checkworthy.count - shown.count
    }
}
