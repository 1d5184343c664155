import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

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
    @Flag(inversion: .prefixedNo, help: "Find passages by meaning beside BM25 (a dense index of the store).") var dense = true
    @Option(help: "The dense ranking's weight against BM25's in recall@3 (reciprocal rank fusion).") var denseWeight = 1.0
    @Option(help: "Most passages embedded by the transformer; beyond, the static embedding (default: 50000).") var denseLimit: Int?
    @Option(help: "Passages beyond which the dense index has an HNSW graph (default: 100000).") var graphThreshold: Int?
    @Option(help: "Passages the dense index adds to BM25's for the verifier (default: the verifier's).") var denseCount: Int?

    @Option(
        help: "Sentences of a passage the inference model reads, those sharing most terms with the claim (0 or absent: the whole passage).")
    var focus: Int?

    func run() async throws {
        let dev = try SciFactData(directory: data, split: split)
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("scifact-\(UUID().uuidString).sqlite").path
        defer {
            if db == nil { for suffix in ["", "-wal", "-shm", ".index", ".dense"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        }
        let store = try StoreOptions.open(path)
        let clock = ContinuousClock()
        var start = clock.now
        if try await store.statistics().documents == 0 { try await SciFactEvaluation.importCorpus(dev, into: store) }
        try await store.rebuildIndex()
        let engine = try SharedEngine.engine()
        var verifier = try ClaimVerifier.bundled(encoder: wordsOnly ? nil : try engine.requiredEncoder(for: "eval retrieve-verify"))
        if dense, var indexing = try engine.denseIndexing() {
            if let denseLimit { indexing.transformerLimit = denseLimit }
            if let graphThreshold {
                indexing.graphThreshold = graphThreshold
                try await indexing.rebuild(store)
            } else {
                try await indexing.refreshIfStale(store)
            }
            verifier.dense = try await engine.denseRetriever(for: store)
        }
        let built = clock.now - start
        var evaluation = SciFactEvaluation(verifier: verifier)
        evaluation.abstractsPerClaim = abstracts
        evaluation.supportOnly = supportOnly
        evaluation.denseWeight = denseWeight
        if let denseCount { evaluation.verifier.denseCount = denseCount }
        if let relevance { evaluation.verifier.relevance?.threshold = relevance }
        if let judged { evaluation.verifier.passagesPerClaim = judged }
        if let focus { evaluation.verifier.judge.focus = EvidenceFocus(sentences: focus > 0 ? focus : nil) }
        start = clock.now
        let result = try await evaluation.run(dev, store: store)
        let elapsed = clock.now - start
        print(
            "SciFact \(split): \(result.claims) claims, \(result.goldPairs) gold (claim, abstract) pairs; corpus \(dev.abstracts.count) abstracts, store built in \(built)\(evaluation.verifier.dense.map { ", dense index of \($0.index.count) passages (\($0.index.model))" } ?? "")"
        )
        print(String(format: "retrieval recall@3 %.3f", result.recallAt3))
        if let dense = evaluation.verifier.dense, dense.index.hasGraph {
            let queries = dev.claims.map { dense.vector($0.text) }
            let agreed = queries.reduce(0) { sum, query in
                sum
                    + Set(dense.index.search(query, limit: 10).map(\.rowID)).intersection(
                        dense.index.search(query, limit: 10, exact: true).map(\.rowID)
                    ).count
            }
            print(String(format: "dense graph search: recall@10 against exact search %.3f", Double(agreed) / Double(max(queries.count * 10, 1))))
        }
        print(String(format: "abstract-level label: precision %.3f recall %.3f F1 %.3f", result.precision, result.recall, result.f1))
        print(String(format: "floor (top-1 abstract, always SUPPORT): F1 %.3f", result.topOneSupportF1))
        print(
            "predicted: \(result.predictions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); \(elapsed) for the claims"
        )
    }
}
