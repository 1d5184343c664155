import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalStance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stance",
        abstract:
            "Single-passage verification on NLI and claim-verification pairs, scored as batch verify is: SNLI test, held-aside FEVER and HealthVer, SICK trial and train (never trained on), COVID-Fact dev, SciFact dev claims.",
        discussion: """
            --data is the folder shared/data (it holds nli/, covid-fact/ and scifact/). FEVER-RTE and \
            HealthVer were partly trained on; only the claims the trainer held aside are scored.
            """)

    @Option(help: "shared/data") var data: String
    @Flag(help: "Judge with the word-cue stance model instead of the inference model (the baseline).") var wordsOnly = false
    @Option(help: "Score at most this many pairs of each set (the first ones).") var limit: Int?
    @Flag(help: "Tune the verdict thresholds, the checks' weight and the calibration on held-aside FEVER and HealthVer and on COVID-Fact dev.")
    var tune = false
    @Option(help: "With --tune: keep the checks' weight at this value instead of searching 0.5, 0.75 and 1.")
    var checkWeight: Double?
    @Option(
        help:
            "With --tune: keep the strength from which a refuting finding takes the model's entailment at this value (0 to 1) instead of searching never, 0.5, 0.6, 0.7 and 0.8."
    )
    var entailmentTakenAbove: Double?
    @Option(help: "Sentences of a passage the inference model reads (0 or absent: the whole passage).") var focus: Int?

    func validate() throws {
        if let checkWeight {
            guard tune else { throw ValidationError("--check-weight only applies with --tune") }
            guard (0...1).contains(checkWeight) else { throw ValidationError("--check-weight must be between 0 and 1 (got \(checkWeight))") }
        }
        if let entailmentTakenAbove {
            guard tune else { throw ValidationError("--entailment-taken-above only applies with --tune") }
            guard (0...1).contains(entailmentTakenAbove) else {
                throw ValidationError("--entailment-taken-above must be between 0 and 1 (got \(entailmentTakenAbove))")
            }
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: data)
        let encoder = wordsOnly ? nil : try SharedEngine.engine().requiredEncoder(for: "eval stance")
        var verifier = try ClaimVerifier.bundled(encoder: encoder, relevance: false)
        if let focus { verifier.judge.focus = EvidenceFocus(sentences: focus > 0 ? focus : nil) }
        if !wordsOnly, verifier.judge.inference == nil {
            throw CrosscheckError(.modelMissing, "the inference model is not installed; restore Sources/CrosscheckModels/Models/stance")
        }
        print("stance: \(verifier.judge.modelVersion); verdict thresholds support \(verifier.policy.support), refute \(verifier.policy.refute)")
        var sets: [(name: String, pairs: [NLIData.Pair])] = []
        for set in NLIData.Set.allCases {
            let name = set.rawValue + (set.heldAsidePercent.map { " (held-aside \($0)%)" } ?? "")
            sets.append((name, try NLIData.pairs(set, directory: root.appendingPathComponent("nli").path)))
        }
        let covid = try StanceData.covidFact(directory: root.appendingPathComponent("covid-fact").path, split: "dev").map {
            NLIData.Pair(claim: $0.claim, evidence: $0.evidence, label: $0.stance == "supports" ? "supported" : "refuted")
        }
        sets.append(("covid-fact dev", covid))
        if let limit { sets = sets.map { ($0.name, Array($0.pairs.prefix(limit))) } }

        if tune {
            try tuneThresholds(
                verifier.judge, sets: sets.filter { $0.name.hasPrefix("fever") || $0.name.hasPrefix("healthver") || $0.name.hasPrefix("covid") })
            return
        }
        print("set                               pairs  macro-F1  bal.acc  supported-or-not  ECE    F1 sup/ref/nei        predicted")
        var confidences: [Double] = []
        var correct: [Bool] = []
        var withoutSNLI: (confidences: [Double], correct: [Bool]) = ([], [])
        for set in sets {
            let clock = ContinuousClock()
            let start = clock.now
            let stances = PairSetEvaluation.judge(verifier.judge, set.pairs)
            let result = PairSetEvaluation.score(set.pairs, stances: stances, policy: verifier.policy)
            let seconds = BenchStore.seconds(clock.now - start)
            let verdicts = stances.map { verifier.policy.verdict([$0]) }
            let setConfidences = verdicts.map(\.confidence)
            let setCorrect = zip(verdicts, set.pairs).map { $0.label == $1.label }
            func f1(_ label: String) -> String { result.perLabel[label].map { String(format: "%.3f", $0) } ?? "  -  " }
            print(
                set.name.padding(toLength: 33, withPad: " ", startingAt: 0)
                    + String(
                        format: " %5d  %.3f     %.3f    %.3f             %.3f  ", result.pairs,
                        result.macroF1, result.balancedAccuracy, result.supportedOrNotAccuracy,
                        Calibration(confidences: setConfidences, correct: setCorrect).expectedError)
                    + "\(f1("supported"))/\(f1("refuted"))/\(f1("not_enough_info"))  "
                    + result.predicted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + String(format: "  (%.0f pairs/s)", Double(result.pairs) / max(seconds, 1e-9)))
            // SICK train joined later; the pooled figures leave it out so that they compare with earlier runs.
            if set.name.hasPrefix(NLIData.Set.sickTrain.rawValue) { continue }
            confidences += setConfidences
            correct += setCorrect
            if !set.name.hasPrefix("snli") {
                withoutSNLI.confidences += setConfidences
                withoutSNLI.correct += setCorrect
            }
        }
        let calibration = Calibration(confidences: confidences, correct: correct)
        print(
            String(
                format: "calibration of the verdict confidence over all pairs but SICK train's: expected calibration error %.3f",
                calibration.expectedError))
        calibration.lines.forEach { print($0) }
        // Most SNLI contradictions are about another scene, which the model reads as neither by design.
        let others = Calibration(confidences: withoutSNLI.confidences, correct: withoutSNLI.correct)
        print(
            String(format: "without SNLI (its contradictions mostly describe another scene): expected calibration error %.3f", others.expectedError))
        others.lines.forEach { print($0) }

        let sciFact = root.appendingPathComponent("scifact").path
        var claimSets = try StanceData.sciFactClaimSets(directory: sciFact, split: "dev")
        if let limit { claimSets = Array(claimSets.prefix(limit)) }
        let claims = StanceEvaluation.claimLevel(verifier, claimSets)
        print("SciFact dev claims with given evidence (\(claimSets.count) claims, up to 5 sentences of the cited abstract):")
        print(
            String(
                format: "  macro-F1 %.3f, accuracy %.3f; F1 supported %.3f, refuted %.3f, not enough info %.3f", claims.macroF1, claims.accuracy,
                claims.perLabel["supported"] ?? 0, claims.perLabel["refuted"] ?? 0, claims.perLabel["not_enough_info"] ?? 0))
        print("  predicted: " + claims.predicted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(String(format: "  expected calibration error %.3f", claims.calibration.expectedError))
    }

    /// How far below the best mean macro-F1 a setting may score and still be chosen for a higher
    /// refuting threshold: calling a true claim false is the costliest mistake a fact-checker
    /// makes, so among settings the pair sets cannot tell apart the most cautious one wins.
    static let refuteTolerance = 0.005

    /// Grid-searches the checks' weight and the verdict thresholds for the mean macro-F1 over
    /// `sets` (of the settings within ``refuteTolerance`` of the best, the one with the highest
    /// refuting threshold), then fits one calibration curve per label.
    func tuneThresholds(_ judge: PassageJudge, sets: [(name: String, pairs: [NLIData.Pair])]) throws {
        guard judge.inference != nil else { throw ValidationError("--tune tunes the inference model's policy; drop --words-only") }
        let priors = sets.map { PairSetEvaluation.priors(judge, $0.pairs) }
        var candidates: [(f1: Double, support: Double, refute: Double, setting: Int)] = []
        var settingStances: [[[PassageStance]]] = []
        let weights = checkWeight.map { [$0] } ?? [0.5, 0.75, 1.0]
        let takes: [Double?] = entailmentTakenAbove.map { [$0] } ?? [nil, 0.5, 0.6, 0.7, 0.8]
        let settings = weights.flatMap { weight in takes.map { (weight, $0) } }
        for (index, (weight, takes)) in settings.enumerated() {
            var weighted = judge
            weighted.checkWeightWithInference = weight
            weighted.entailmentTakenAbove = takes
            let stances = zip(sets, priors).map { PairSetEvaluation.judge(weighted, $0.pairs, priors: $1) }
            settingStances.append(stances)
            var settingBest = (f1: -1.0, support: 0.0, refute: 0.0)
            for support in stride(from: 0.2, through: 0.95, by: 0.025) {
                for refute in stride(from: 0.2, through: 0.95, by: 0.025) {
                    let policy = VerdictPolicy(support: support, refute: refute)
                    let f1 =
                        zip(sets, stances).map { PairSetEvaluation.score($0.pairs, stances: $1, policy: policy).macroF1 }.reduce(0, +)
                        / Double(sets.count)
                    if f1 > settingBest.f1 { settingBest = (f1, support, refute) }
                    candidates.append((f1, support, refute, index))
                }
            }
            print(
                String(format: "checks' weight %.2f, ", weight)
                    + "refuting findings take entailment from strength \(takes.map { String($0) } ?? "never")"
                    + String(
                        format: ": best mean macro-F1 %.4f (support %.3f, refute %.3f)", settingBest.f1, settingBest.support, settingBest.refute))
        }
        let top = candidates.map(\.f1).max() ?? -1
        guard let best = candidates.filter({ $0.f1 >= top - Self.refuteTolerance }).max(by: { ($0.refute, $0.f1) < ($1.refute, $1.f1) })
        else { return }
        let (bestWeight, bestTakes) = settings[best.setting]
        let bestStances = settingStances[best.setting]
        print(
            "tuned on " + sets.map(\.name).joined(separator: " + ")
                + String(
                    format: ": checks' weight %.2f, support %.3f, refute %.3f (mean macro-F1 %.3f; the best, %.3f, with less cautious refuting)",
                    bestWeight, best.support, best.refute, best.f1, top)
                + ", refuting findings take entailment from strength: \(bestTakes.map { String($0) } ?? "never")")
        let policy = VerdictPolicy(support: best.support, refute: best.refute)
        for (set, stances) in zip(sets, bestStances) {
            let result = PairSetEvaluation.score(set.pairs, stances: stances, policy: policy)
            print(
                "  " + set.name.padding(toLength: 33, withPad: " ", startingAt: 0)
                    + String(
                        format: "macro-F1 %.3f, balanced accuracy %.3f, supported-or-not accuracy %.3f", result.macroF1, result.balancedAccuracy,
                        result.supportedOrNotAccuracy))
        }
        var points: [String: [(strength: Double, correct: Bool)]] = [:]
        for (set, stances) in zip(sets, bestStances) {
            for (pair, stance) in zip(set.pairs, stances) {
                let raw = policy.rawVerdict([stance])
                points[raw.label, default: []].append((raw.strength, raw.label == pair.label))
            }
        }
        for (label, values) in points.sorted(by: { $0.key < $1.key }) {
            let curve = VerdictPolicy.fitCurve(values)
            print("  calibration \(label): " + String(format: "[%.2f, %.2f] from %d pairs", curve[0], curve[1], values.count))
        }
    }
}
