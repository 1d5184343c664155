import ArgumentParser
import CrosscheckEval
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct TrainMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Train the claim-matching re-ranker on every labelled query (Train, Dev and Dev-Test).",
        discussion: """
            The shipped model was made with: crosscheck train match --data ../shared/data/claim-matching \
            --output Sources/CrosscheckModels/Models/match.model
            """
    )

    @Option(help: "The claim-matching data folder (shared/data/claim-matching).")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    @Option(help: "Seed for training.")
    var seed: UInt64 = 1

    @Flag(help: "Train on the Train queries only (as eval match does).")
    var trainOnly = false

    func run() throws {
        let data = try ClaimMatchingData.load(directory: self.data)
        let matcher = ClaimMatcher(factChecks: data.factChecks, encoder: try SharedEngine.engine().encoder())
        let queries = trainOnly ? data.train : data.train + data.dev + data.devTest
        var reranker = ClaimMatchingEvaluation(seed: seed).train(
            matcher, queries: queries,
            info: ["data": "claim-matching queries=\(queries.count) factchecks=\(data.factChecks.count)", "seed": String(seed)])
        reranker.info["lists"] = FeatureLists.digest(for: "match")
        reranker.info["version"] = "match-lr-" + Digests.sha256Hex(reranker.encoded()).prefix(12)
        try reranker.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(queries.count) queries; wrote \(output) (\(reranker.version))")
    }
}
