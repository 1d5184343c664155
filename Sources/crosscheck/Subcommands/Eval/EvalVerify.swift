import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Stance on COVID-Fact dev: accuracy of supports/refutes for each claim–evidence pair (model trained on COVID-Fact train and SciFact train)."
    )

    @Option(help: "shared/data/covid-fact") var data: String
    @Option(help: "shared/data/scifact (training pairs); default: beside --data.") var scifact: String?
    @Flag(help: "Tune the verdict thresholds: train on COVID-Fact and half the SciFact train claims, grid-search on the other half.") var tune = false

    func run() throws {
        let dev = try StanceData.covidFact(directory: data, split: "dev")
        let sciFactFolder = scifact ?? URL(fileURLWithPath: data).deletingLastPathComponent().appendingPathComponent("scifact").path
        let hasSciFact = FileManager.default.fileExists(atPath: sciFactFolder + "/corpus.jsonl")
        let covidTrain = try StanceData.covidFact(directory: data, split: "train")
        var train = covidTrain
        if hasSciFact { train += try StanceData.sciFact(directory: sciFactFolder, split: "train") }
        let model = StanceTraining().train(train)
        let result = StanceEvaluation.pairAccuracy(model, dev)
        let majority = max(dev.count { $0.stance == "supports" }, dev.count { $0.stance == "refutes" })
        print("COVID-Fact dev: \(dev.count) pairs; trained on \(train.count) pairs (COVID-Fact train\(hasSciFact ? " + SciFact train" : ""))")
        print(
            String(
                format: "accuracy %.3f (majority class %.3f; TF-IDF + LR peer on COVID-Fact train %.3f)", result.accuracy,
                Double(majority) / Double(dev.count), StanceEvaluation.peerAccuracy(train: covidTrain, test: dev)))
        let calibration = Calibration(confidences: result.confidences, correct: result.correct)
        print(String(format: "calibration of the pair decision: expected calibration error %.3f", calibration.expectedError))
        calibration.lines.forEach { print($0) }
        guard hasSciFact else { return }
        if tune { try tuneThresholds(covidTrain: covidTrain, sciFact: sciFactFolder) }
        let sets = try StanceData.sciFactClaimSets(directory: sciFactFolder, split: "dev")
        let claims = StanceEvaluation.claimLevel(ClaimVerifier(model: model), sets)
        print("SciFact dev claims with given evidence (\(sets.count) claims, up to 5 sentences of the cited abstract):")
        print(
            String(
                format: "  macro-F1 %.3f, accuracy %.3f; F1 supported %.3f, refuted %.3f, not enough info %.3f", claims.macroF1, claims.accuracy,
                claims.perLabel["supported"] ?? 0, claims.perLabel["refuted"] ?? 0, claims.perLabel["not_enough_info"] ?? 0))
        print("  predicted: " + claims.predicted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(String(format: "  calibration of the verdict confidence: expected calibration error %.3f", claims.calibration.expectedError))
        claims.calibration.lines.forEach { print("  " + $0) }
    }
}

extension EvalVerify {
    /// Grid-searches the verdict policy's thresholds for claim-level macro-F1 on held-out SciFact
    /// train claims (odd ids), with a model that did not see them.
    func tuneThresholds(covidTrain: [StanceData.Pair], sciFact: String) throws {
        let model = StanceTraining().train(covidTrain + (try StanceData.sciFact(directory: sciFact, split: "train", claims: { $0 % 2 == 0 })))
        let sets = try StanceData.sciFactClaimSets(directory: sciFact, split: "train", claims: { $0 % 2 == 1 })
        // Stances do not depend on the thresholds: judge once, then try each policy.
        let judge = PassageJudge(model: model)
        let judged = sets.map { set in
            let claim = Statement(set.claim, quotations: true)
            return set.evidence.map { judge.judge(claim: claim, passage: Statement($0, quotations: !claim.quotations.isEmpty)) }
        }
        var best: (f1: Double, support: Double, refute: Double) = (0, 0, 0)
        for support in stride(from: 0.3, through: 0.9, by: 0.025) {
            for refute in stride(from: 0.3, through: 0.9, by: 0.025) {
                let policy = VerdictPolicy(support: support, refute: refute)
                let predicted = judged.map { policy.verdict($0).label }
                let f1 = MacroF1.score(gold: sets.map(\.label), predicted: predicted, labels: ["supported", "refuted", "not_enough_info"]).macro
                if f1 > best.f1 { best = (f1, support, refute) }
            }
        }
        print(
            String(
                format: "tuned on %d held-out SciFact train claims: support %.3f, refute %.3f (macro-F1 %.3f)", sets.count, best.support, best.refute,
                best.f1))
        // Calibration curves for the chosen thresholds, one per label.
        let policy = VerdictPolicy(support: best.support, refute: best.refute)
        var points: [String: [(strength: Double, correct: Bool)]] = [:]
        for (stances, set) in zip(judged, sets) {
            let raw = policy.rawVerdict(stances)
            points[raw.label, default: []].append((raw.strength, raw.label == set.label))
        }
        for (label, values) in points.sorted(by: { $0.key < $1.key }) {
            let curve = VerdictPolicy.fitCurve(values)
            print(String(format: "  calibration %@: [%.2f, %.2f] from %d claims", label, curve[0], curve[1], values.count))
        }
    }
}
