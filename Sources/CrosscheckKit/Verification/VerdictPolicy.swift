public import Foundation

/// Adds passage stances up to a verdict: `supported`, `refuted`, `mixed` or `not_enough_info`.
///
/// A side counts when its strongest passage clears the threshold; both sides counting is `mixed`.
/// Anything weaker is "not enough info": the policy prefers saying so to guessing. The
/// confidence is the raw strength of the verdict mapped through a per-label logistic curve fitted
/// so that it matches how often such verdicts are right.
public struct VerdictPolicy: Sendable, Hashable, Codable {
    /// The probability a supporting passage needs before the claim is supported.
    public var support: Double
    /// The probability a refuting passage needs before the claim is refuted.
    public var refute: Double
    /// Per label, the slope and intercept that turn a raw strength into a calibrated confidence.
    public var calibration: [String: [Double]]

    /// Calibration from `crosscheck eval verify --tune`, fitted on held-out SciFact train claims
    /// with given evidence. SciFact has no `mixed` claims, so its curve is a cautious guess that
    /// keeps the confidence near one half.
    public static let tunedCalibration: [String: [Double]] = [
        "supported": [3.09, -0.67], "refuted": [6.21, -4.89], "mixed": [2.0, -1.5], "not_enough_info": [4.66, -3.40],
    ]

    /// Thresholds and calibration for the trained inference model, from `crosscheck eval stance
    /// --tune --check-weight 0.75 --entailment-taken-above 0.8` (the checks' settings
    /// ``PassageJudge`` explains): a grid search for the mean macro-F1 on held-aside FEVER-RTE and
    /// HealthVer and on COVID-Fact dev (4,133 pairs) that takes the most cautious refuting
    /// threshold within half a point of the best, and a curve per label fitted there. Too few
    /// single-passage verdicts are `mixed` to fit its curve, so it keeps the cautious guess.
    /// Tuned for stance-ce-0f964ac5b037; the averaged model that replaced it
    /// (stance-ce-6f79ca3abc0c) scores best at these same thresholds, and its verdicts' calibration
    /// error with these curves is 0.014 over all pairs, so they stay.
    public static let inference = VerdictPolicy(
        support: 0.375, refute: 0.625,
        calibration: ["supported": [4.11, -1.36], "refuted": [6.18, -3.57], "mixed": [2.0, -1.5], "not_enough_info": [4.51, -3.20]])

    public init(support: Double = 0.325, refute: Double = 0.75, calibration: [String: [Double]] = VerdictPolicy.tunedCalibration) {
        self.support = support
        self.refute = refute
        self.calibration = calibration
    }

    /// The thresholds and each label's calibration curve (`calibration.LABEL.slope` and
    /// `.intercept`), as reports record them.
    public var recorded: [String: Double] {
        var values = ["support": support, "refute": refute]
        for (label, curve) in calibration where curve.count == 2 {
            values["calibration.\(label).slope"] = curve[0]
            values["calibration.\(label).intercept"] = curve[1]
        }
        return values
    }

    /// The label and how strongly the stances back it, before calibration.
    public func rawVerdict(_ stances: [PassageStance]) -> (label: String, strength: Double) {
        let bestSupport = stances.map(\.supports).max() ?? 0
        let bestRefute = stances.map(\.refutes).max() ?? 0
        switch (bestSupport >= support, bestRefute >= refute) {
        case (true, true): return ("mixed", min(bestSupport, bestRefute))
        case (true, false): return ("supported", bestSupport * (1 - bestRefute / 2))
        case (false, true): return ("refuted", bestRefute * (1 - bestSupport / 2))
        case (false, false): return ("not_enough_info", 1 - max(bestSupport, bestRefute))
        }
    }

    /// The label and its calibrated confidence for these passage stances.
    public func verdict(_ stances: [PassageStance]) -> (label: String, confidence: Double) {
        let raw = rawVerdict(stances)
        return (raw.label, confidence(raw.label, strength: raw.strength))
    }

    /// The calibrated confidence of a label given its raw strength.
    public func confidence(_ label: String, strength: Double) -> Double {
        guard let curve = calibration[label], curve.count == 2 else { return strength }
        return 1 / (1 + exp(-(curve[0] * strength + curve[1])))
    }

    /// Fits one label's curve to (raw strength, was it right) pairs by gradient descent.
    public static func fitCurve(_ points: [(strength: Double, correct: Bool)]) -> [Double] {
        var a = 1.0, b = 0.0
        guard !points.isEmpty else { return [a, b] }
        for _ in 0..<3000 {
            var ga = 0.0, gb = 0.0
            for point in points {
                let p = 1 / (1 + exp(-(a * point.strength + b)))
                let error = p - (point.correct ? 1 : 0)
                ga += error * point.strength
                gb += error
            }
            a -= 0.5 * ga / Double(points.count)
            b -= 0.5 * gb / Double(points.count)
        }
        return [a, b]
    }
}
