import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct BatchRetrieveVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve-verify",
        abstract: "{\"id\", \"claim\"} -> a verdict over passages retrieved from --index (a store made with crosscheck sources import).",
        discussion: "Passages are found by meaning as well as by words once crosscheck sources index has built the store's dense index.")

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
            let store = try StoreOptions.open(index)
            if try await store.passagesNotIndexed() > 0 { try await store.rebuildIndex() }
            let engine = try io.engine()
            var verifier = try await engine.verifier(for: store)
            verifier.passagesPerClaim = passages
            let task = RetrieveVerifyBatchTask(
                verifier: verifier,
                retrieve: { [verifier] claim in
                    try await verifier.retrieve(claim: claim, store: store)
                })
            try await io.run(task)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
