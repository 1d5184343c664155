/// Decides a passage's stance toward a claim: the trained stance model's probabilities, moved by
/// what the explainable checks find, and held to neutral when the passage is about something else.
public struct PassageJudge: Sendable {
    public var model: StanceModel
    public var checks: [any StanceCheck]
    /// Below this share of the claim's terms, a passage with no findings is about something else.
    public var minimumRelevance = 0.3

    public init(model: StanceModel, checks: [any StanceCheck] = StanceChecks.all) {
        self.model = model
        self.checks = checks
    }

    public func judge(claim: Statement, passage: Statement) -> PassageStance {
        let p = model.stance(claim: claim.text, evidence: passage.text)
        var findings = checks.flatMap { $0.findings(claim: claim, passage: passage) }
        // Sharing the claim's words says nothing once a check has found them used against it.
        if findings.contains(where: { $0.effect == .refutes }) { findings.removeAll { $0.check == "coverage" } }
        let relevance = passage.coverage(of: claim)
        var supports = p.supports, refutes = p.refutes, neutral = p.neutral
        // Each finding is evidence for its side: it takes that share of the other sides' mass.
        for finding in findings {
            let strength = finding.effect == .supports ? finding.strength * max(relevance, 0.5) : finding.strength
            switch finding.effect {
            case .supports:
                supports = 1 - (1 - supports) * (1 - strength)
                refutes *= 1 - strength
            case .refutes:
                refutes = 1 - (1 - refutes) * (1 - strength)
                supports *= 1 - strength
            }
            neutral *= 1 - strength
        }
        if findings.isEmpty, relevance < minimumRelevance {
            neutral = max(neutral, 1 - relevance) + supports + refutes
            supports *= relevance
            refutes *= relevance
        }
        var reasons = findings.map(\.reason)
        if reasons.isEmpty {
            let share = Int((relevance * 100).rounded())
            reasons.append(
                relevance < minimumRelevance
                    ? "the passage shares only \(share)% of the claim's key words"
                    : "the stance model reads it so; it shares \(share)% of the claim's key words")
        }
        return PassageStance(supports: supports, refutes: refutes, neutral: neutral, relevance: relevance, reasons: reasons)
    }
}
