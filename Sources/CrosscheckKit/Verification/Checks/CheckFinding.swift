/// What one explainable check found when it compared a claim with a passage.
public struct CheckFinding: Sendable, Hashable, Codable {
    /// Which way the finding points.
    public enum Effect: String, Sendable, Hashable, Codable {
        case supports, refutes
    }

    /// The check that found it: `quote`, `number`, `date`, `polarity`, `entity`, `roles`, `substitution` or `coverage`.
    public var check: String
    public var effect: Effect
    /// How much the finding alone should move the stance, 0..1.
    public var strength: Double
    /// One line a journalist can read: what matched or differed.
    public var reason: String

    public init(check: String, effect: Effect, strength: Double, reason: String) {
        self.check = check
        self.effect = effect
        self.strength = strength
        self.reason = reason
    }
}

/// A comparison of a claim with one passage that can explain itself.
public protocol StanceCheck: Sendable {
    /// The findings for this pair; empty when the check has nothing to say.
    func findings(claim: Statement, passage: Statement) -> [CheckFinding]
}

/// The explainable checks, in the order their reasons are listed.
public enum StanceChecks {
    public static let all: [any StanceCheck] = [
        QuoteCheck(), NumberCheck(), DateCheck(), PolarityCheck(), EntityRoleCheck(), RoleSwapCheck(), SubstitutionCheck(), CoverageCheck(),
    ]

    /// Every finding of every check.
    public static func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        all.flatMap { $0.findings(claim: claim, passage: passage) }
    }
}
