import ArgumentParser
import CrosscheckEval
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct BatchMachineText: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "machine-text", abstract: "{\"id\", \"text\"} -> {\"id\", \"score\": 0..1, \"machine\": bool}")

    @OptionGroup var io: BatchIO

    func run() async throws {
        do {
            try await io.run(MachineTextBatchTask(classifier: try io.engine().textClassifier(.machine)))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
