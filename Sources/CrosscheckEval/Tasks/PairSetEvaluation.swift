public import CrosscheckKit

/// Single-passage verification measured the way `crosscheck batch verify` is scored from outside:
/// each pair is a claim with one evidence passage, and the verdict is compared with the set's label.
public struct PairSetEvaluation: Sendable {
    /// The scores of one set.
    public struct Result: Sendable {
        public var pairs: Int
        /// Macro-F1 over the labels the set's gold uses (a binary set: supported and refuted).
        public var macroF1: Double
        public var perLabel: [String: Double]
        /// The mean of each gold label's recall.
        public var balancedAccuracy: Double
        /// The share right when the verdict is read as supported or not (COVID-Fact's scoring).
        public var supportedOrNotAccuracy: Double
        public var predicted: [String: Int]
        public var calibration: Calibration
    }

    /// Each pair's passage stance: the model's probabilities for all pairs in one batch, then the checks.
    public static func judge(_ judge: PassageJudge, _ pairs: [NLIData.Pair]) -> [PassageStance] {
        self.judge(judge, pairs, priors: priors(judge, pairs))
    }

    /// The model's probabilities for each pair, before the checks (the inference model reads them
    /// in batches).
    public static func priors(_ judge: PassageJudge, _ pairs: [NLIData.Pair]) -> [StanceProbabilities] {
        judge.priors(pairs.map { (claim: $0.claim, evidence: $0.evidence) })
    }

    /// Each pair's passage stance from probabilities already computed, moved by the checks.
    public static func judge(_ judge: PassageJudge, _ pairs: [NLIData.Pair], priors: [StanceProbabilities]) -> [PassageStance] {
        zip(pairs, priors).map { pair, prior in
            let claim = Statement(pair.claim, quotations: true)
            return judge.judge(claim: claim, passage: Statement(pair.evidence, quotations: !claim.quotations.isEmpty), prior: prior)
        }
    }

    /// Scores the verdicts `policy` gives to the judged stances against the pairs' labels.
    public static func score(_ pairs: [NLIData.Pair], stances: [PassageStance], policy: VerdictPolicy) -> Result {
        let verdicts = stances.map { policy.verdict([$0]) }
        return score(gold: pairs.map(\.label), predicted: verdicts.map(\.label), confidences: verdicts.map(\.confidence))
    }

    /// Scores predicted labels against gold ones.
    public static func score(gold: [String], predicted: [String], confidences: [Double]) -> Result {
        let labels = ["supported", "refuted", "not_enough_info"].filter { gold.contains($0) }
        let f1 = MacroF1.score(gold: gold, predicted: predicted, labels: labels)
        let recalls = labels.map { label in
            Double(zip(gold, predicted).count { $0 == label && $1 == label }) / Double(max(gold.count { $0 == label }, 1))
        }
        let supportedOrNot = zip(gold, predicted).count { ($0 == "supported") == ($1 == "supported") }
        var counts: [String: Int] = [:]
        for label in predicted { counts[label, default: 0] += 1 }
        return Result(
            pairs: gold.count, macroF1: f1.macro, perLabel: f1.perLabel, balancedAccuracy: recalls.reduce(0, +) / Double(max(recalls.count, 1)),
            supportedOrNotAccuracy: Double(supportedOrNot) / Double(max(gold.count, 1)), predicted: counts,
            calibration: Calibration(confidences: confidences, correct: zip(gold, predicted).map { $0 == $1 }))
    }
}
