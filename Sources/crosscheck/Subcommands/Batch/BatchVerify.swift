import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct BatchVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "{\"id\", \"claim\", \"evidence\": [{\"id\", \"text\", \"title\"?}]} -> {\"id\", \"label\", \"confidence\", \"evidence\": [{\"id\", \"stance\", \"score\"}]}"
    )

    @OptionGroup var io: BatchIO

    func run() async throws {
        do {
            try await io.run(VerifyBatchTask(verifier: try io.engine().verifier(relevance: false)))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
