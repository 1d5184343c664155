import Foundation

/// Decides a passage's stance toward a claim: the trained inference model's probabilities (or,
/// without it, the word-cue stance model's), moved by what the explainable checks find.
///
/// Each reason says what fired: the inference model, the word-cue model, or a named check.
public struct PassageJudge: Sendable {
    /// The word-cue stance model, used when there is no inference model.
    public var model: StanceModel
    /// The trained inference model; `nil` falls back to ``model``.
    public var inference: InferenceModel?
    public var checks: [any StanceCheck]
    /// Below this share of the claim's terms, a passage with no findings is about something else.
    /// Only the word-cue model needs it: the inference model reads an unrelated passage as neutral.
    public var minimumRelevance = 0.3
    /// How far a check's finding moves the inference model's probabilities (1 = its full strength).
    /// The pair sets `crosscheck eval stance --tune` searches cannot tell 0.5 from 0.75 (under a
    /// point of mean macro-F1 apart) and hardly hold a claim whose figures a check confirms, so the
    /// checks keep 0.75: at 0.5 a passage giving an article claim's figures was outweighed by the
    /// model reading a detail the passage leaves out as a contradiction. The verdict thresholds
    /// are tuned at this weight.
    public var checkWeightWithInference = 0.75
    /// With the inference model, a refuting finding at least this strong turns the model's
    /// entailment into contradiction; `nil`: none does. The pair sets cannot tell 0.8 from never
    /// (they hold few swapped roles), so it stays: the model reads "the visitors beat the home team"
    /// as entailed by the home team beating the visitors, and only the roles check sees it.
    public var entailmentTakenAbove: Double? = 0.8
    /// What of each passage the inference model reads (the checks read all of it).
    public var focus = EvidenceFocus()

    public init(model: StanceModel, inference: InferenceModel? = nil, checks: [any StanceCheck] = StanceChecks.all) {
        self.model = model
        self.inference = inference
        self.checks = checks
    }

    /// The version of whichever model gives the probabilities.
    public var modelVersion: String { inference?.identity.version ?? model.classifier.version }

    /// Each passage's stance toward `claim`, in order; the inference model reads them as one batch.
    public func judge(claim: Statement, passages: [Statement]) -> [PassageStance] {
        let priors = self.priors(passages.map { (claim: claim.text, evidence: $0.text) })
        return zip(passages, priors).map { judge(claim: claim, passage: $0, prior: $1) }
    }

    /// The model's probabilities for each (claim, evidence) pair, before the checks: the inference
    /// model reads all of them as one batch (pairs of many claims batch better than one claim's).
    public func priors(_ pairs: [(claim: String, evidence: String)]) -> [StanceProbabilities] {
        if let inference { return inference.stances(pairs.map { ($0.claim, focus.text(of: $0.evidence, for: $0.claim)) }) }
        return pairs.map { model.stance(claim: $0.claim, evidence: $0.evidence) }
    }

    /// One passage's stance toward `claim`.
    public func judge(claim: Statement, passage: Statement) -> PassageStance {
        judge(claim: claim, passages: [passage])[0]
    }

    /// A passage's stance from the model's probabilities and the checks' findings.
    public func judge(claim: Statement, passage: Statement, prior: StanceProbabilities) -> PassageStance {
        var findings = checks.flatMap { $0.findings(claim: claim, passage: passage) }
        // Sharing the claim's words says nothing once a check has found them used against it.
        if findings.contains(where: { $0.effect == .refutes }) { findings.removeAll { $0.check == "coverage" } }
        // The inference model already reads shared words; coverage only spoke for the word-cue model.
        if inference != nil { findings.removeAll { $0.check == "coverage" } }
        let relevance = passage.coverage(of: claim)
        var supports = prior.supports, refutes = prior.refutes, neutral = prior.neutral
        let weight = inference == nil ? 1 : checkWeightWithInference
        // With the inference model, reading the passage as entailing the claim says it is about the
        // same thing in the same terms; a contradiction a check finds there makes it a refutation.
        if inference != nil, let minimum = entailmentTakenAbove,
            findings.contains(where: { $0.effect == .refutes && $0.strength >= minimum })
        {
            refutes += supports
            supports = 0
        }
        // Each finding is evidence for its side: it takes that share of the other sides' mass.
        for finding in findings {
            var strength = finding.effect == .supports ? finding.strength * max(relevance, 0.5) : finding.strength
            strength *= weight
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
        if inference == nil, findings.isEmpty, relevance < minimumRelevance {
            neutral = max(neutral, 1 - relevance) + supports + refutes
            supports *= relevance
            refutes *= relevance
        }
        // The checks' reasons first: they say what differs in words a journalist can verify.
        var reasons = findings.map { "\($0.check) check: \($0.reason)" }
        if inference != nil {
            reasons.append(Self.inferenceReason(prior))
        }
        if reasons.isEmpty {
            let share = Int((relevance * 100).rounded())
            reasons.append(
                relevance < minimumRelevance
                    ? "the passage shares only \(share)% of the claim's key words"
                    : "the word-cue stance model reads it so; it shares \(share)% of the claim's key words")
        }
        return PassageStance(supports: supports, refutes: refutes, neutral: neutral, relevance: relevance, reasons: reasons)
    }

    static func inferenceReason(_ p: StanceProbabilities) -> String {
        let reading: String
        if p.supports >= p.refutes && p.supports >= p.neutral {
            reading = "the passage entails the claim"
        } else if p.refutes >= p.neutral {
            reading = "the passage contradicts the claim"
        } else {
            reading = "the passage neither entails nor contradicts the claim"
        }
        return "inference model, before the checks: \(reading) "
            + String(format: "(entails %.2f, contradicts %.2f, neither %.2f)", p.supports, p.refutes, p.neutral)
    }
}
