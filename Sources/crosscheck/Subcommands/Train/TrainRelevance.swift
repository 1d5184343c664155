import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

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
        let store = try StoreOptions.open(path)
        if try await store.statistics().documents == 0 { try await SciFactEvaluation.importCorpus(data, into: store) }
        try await store.rebuildIndex()
        let training = RelevanceTraining()
        let rows = try await training.rows(data, store: store)
        var model = training.train(rows, info: ["data": "scifact train claims=\(data.claims.count) rows=\(rows.count)", "seed": "1"])
        model.model.info["lists"] = FeatureLists.digest(for: "relevance")
        model.model.info["version"] = "relevance-lr-" + Digests.sha256Hex(model.model.encoded()).prefix(12)
        try model.model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print(
            "trained on \(rows.count) candidates (\(rows.count { $0.label }) relevant) of \(data.claims.count) claims; wrote \(output) (\(model.version))"
        )
    }
}
