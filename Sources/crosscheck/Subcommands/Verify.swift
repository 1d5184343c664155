import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import CrosscheckSQLite
import Foundation

struct EvalVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Stance on COVID-Fact dev: accuracy of supports/refutes for each claim–evidence pair (model trained on COVID-Fact train and SciFact train).")

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
        print(String(format: "accuracy %.3f (majority class %.3f; TF-IDF + LR peer on COVID-Fact train %.3f)", result.accuracy,
            Double(majority) / Double(dev.count), StanceEvaluation.peerAccuracy(train: covidTrain, test: dev)))
        let calibration = Calibration(confidences: result.confidences, correct: result.correct)
        print(String(format: "calibration of the pair decision: expected calibration error %.3f", calibration.expectedError))
        calibration.lines.forEach { print($0) }
        guard hasSciFact else { return }
        if tune { try tuneThresholds(covidTrain: covidTrain, sciFact: sciFactFolder) }
        let sets = try StanceData.sciFactClaimSets(directory: sciFactFolder, split: "dev")
        let claims = StanceEvaluation.claimLevel(ClaimVerifier(model: model), sets)
        print("SciFact dev claims with given evidence (\(sets.count) claims, up to 5 sentences of the cited abstract):")
        print(String(format: "  macro-F1 %.3f, accuracy %.3f; F1 supported %.3f, refuted %.3f, not enough info %.3f", claims.macroF1, claims.accuracy,
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
        print(String(format: "tuned on %d held-out SciFact train claims: support %.3f, refute %.3f (macro-F1 %.3f)", sets.count, best.support, best.refute, best.f1))
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

struct EvalRetrieveVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve-verify",
        abstract: "SciFact dev: builds a store from corpus.jsonl, then abstract retrieval recall@3 and abstract-level label F1.")

    @Option(help: "shared/data/scifact") var data: String
    @Option(help: "Where to build the store (default: a temporary file, removed afterwards).") var db: String?
    @Option(help: "Abstracts labelled per claim.") var abstracts: Int = 3
    @Flag(help: "Label every evidence abstract SUPPORT (to measure what the stance step adds).") var supportOnly = false
    @Option(help: "Relevance a passage needs to count as evidence (default: the model's).") var relevance: Double?
    @Option(help: "Claims to score: dev, or train to tune without touching dev.") var split: String = "dev"
    @Flag(help: "Judge stance with the word-cue model instead of the inference model.") var wordsOnly = false
    @Option(help: "Passages judged a claim (default: the verifier's).") var judged: Int?

    func run() async throws {
        let dev = try SciFactData(directory: data, split: split)
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("scifact-\(UUID().uuidString).sqlite").path
        defer { if db == nil { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
        let store = try SQLiteEvidenceStore(path: path)
        let clock = ContinuousClock()
        var start = clock.now
        if try await store.statistics().documents == 0 { try await SciFactEvaluation.importCorpus(dev, into: store) }
        try await store.rebuildIndex()
        let built = clock.now - start
        var evaluation = SciFactEvaluation(verifier: try ClaimVerifier.bundled(encoder: wordsOnly ? nil : try SharedEncoder.required(for: "eval retrieve-verify")))
        evaluation.abstractsPerClaim = abstracts
        evaluation.supportOnly = supportOnly
        if let relevance { evaluation.verifier.relevance?.threshold = relevance }
        if let judged { evaluation.verifier.passagesPerClaim = judged }
        start = clock.now
        let result = try await evaluation.run(dev, store: store)
        let elapsed = clock.now - start
        print("SciFact \(split): \(result.claims) claims, \(result.goldPairs) gold (claim, abstract) pairs; corpus \(dev.abstracts.count) abstracts, store built in \(built)")
        print(String(format: "retrieval recall@3 %.3f", result.recallAt3))
        print(String(format: "abstract-level label: precision %.3f recall %.3f F1 %.3f", result.precision, result.recall, result.f1))
        print(String(format: "floor (top-1 abstract, always SUPPORT): F1 %.3f", result.topOneSupportF1))
        print("predicted: \(result.predictions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); \(elapsed) for the claims")
    }
}

struct TrainRelevance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relevance",
        abstract: "Train the relevance model (is a retrieved passage about the claim?) on SciFact train, retrieving from a store of its corpus.")

    @Option(help: "shared/data/scifact") var scifact: String
    @Option(name: .shortAndLong, help: "Where to write the model file.") var output: String
    @Option(help: "Where to build the corpus store (default: a temporary file, removed afterwards).") var db: String?

    func run() async throws {
        let data = try SciFactData(directory: scifact, split: "train")
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("scifact-\(UUID().uuidString).sqlite").path
        defer { if db == nil { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
        let store = try SQLiteEvidenceStore(path: path)
        if try await store.statistics().documents == 0 { try await SciFactEvaluation.importCorpus(data, into: store) }
        try await store.rebuildIndex()
        let training = RelevanceTraining()
        let rows = try await training.rows(data, store: store)
        var model = training.train(rows, info: ["data": "scifact train claims=\(data.claims.count) rows=\(rows.count)", "seed": "1"])
        model.model.info["version"] = "relevance-lr-" + SHA256.hex(model.model.encoded()).prefix(12)
        try model.model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(rows.count) candidates (\(rows.count { $0.label }) relevant) of \(data.claims.count) claims; wrote \(output) (\(model.version))")
    }
}

struct TrainStance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stance", abstract: "Train the stance model on COVID-Fact train and SciFact train.")

    @Option(help: "shared/data/covid-fact") var covidFact: String
    @Option(help: "shared/data/scifact") var scifact: String
    @Option(name: .shortAndLong, help: "Where to write the model file.") var output: String

    func run() throws {
        let pairs = try StanceData.covidFact(directory: covidFact, split: "train") + StanceData.sciFact(directory: scifact, split: "train")
        var model = StanceTraining().train(pairs, info: ["data": "covid-fact train + scifact train pairs=\(pairs.count)", "seed": "1"])
        model.classifier.info["version"] = "stance-lr-" + SHA256.hex(try model.classifier.encoded()).prefix(12)
        try model.classifier.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(pairs.count) pairs; wrote \(output) (\(model.classifier.version))")
    }
}

struct BatchVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "{\"id\", \"claim\", \"evidence\": [{\"id\", \"text\", \"title\"?}]} -> {\"id\", \"label\", \"confidence\", \"evidence\": [{\"id\", \"stance\", \"score\"}]}")

    @OptionGroup var io: BatchIO

    func run() async throws {
        do {
            try await io.run(VerifyBatchTask(verifier: try ClaimVerifier.bundled(encoder: try SharedEncoder.encoder(), relevance: false)))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}

struct BatchRetrieveVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve-verify",
        abstract: "{\"id\", \"claim\"} -> a verdict over passages retrieved from --index (a store made with crosscheck sources import).")

    @OptionGroup var io: BatchIO

    @Option(help: "The store to retrieve from (a file made with crosscheck sources import ... --db PATH).")
    var index: String

    @Option(help: "Passages retrieved per claim.")
    var passages: Int = 5

    func run() async throws {
        do {
            guard FileManager.default.fileExists(atPath: index) else {
                throw CrosscheckError(.fileNotFound, "no store at \(index); build one with crosscheck sources import CORPUS --db \(index)")
            }
            let store = try SQLiteEvidenceStore(path: index)
            if try await store.passagesNotIndexed() > 0 { try await store.rebuildIndex() }
            var verifier = try ClaimVerifier.bundled(encoder: try SharedEncoder.encoder())
            verifier.passagesPerClaim = passages
            let task = RetrieveVerifyBatchTask(verifier: verifier, retrieve: { [verifier] claim in
                try await verifier.retrieve(claim: claim, store: store)
            })
            try await io.run(task)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
