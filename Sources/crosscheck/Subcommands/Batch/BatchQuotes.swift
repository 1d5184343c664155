import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct BatchQuotes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract:
            "{\"id\", \"text\"} -> {\"id\", \"quotes\": [{\"start\", \"end\", \"speaker\", \"kind\"}]}: quotations and reported speech with their speakers"
    )

    @OptionGroup var io: BatchIO

    func run() async throws {
        try await io.run(QuotesBatchTask(attribution: try io.engine().attribution()))
    }
}
