import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct BatchLanguage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract:
            "{\"id\", \"text\"} -> {\"id\", \"score\", \"techniques\": [{\"technique\", \"start\", \"end\", \"score\"}], \"truthfulness\": {\"label\", \"score\"}}"
    )

    @OptionGroup var io: BatchIO

    func run() async throws {
        do {
            let analyzer = LanguageAnalyzer(
                techniques: try io.engine().classifier("techniques"), truthfulness: try io.engine().classifier("truthfulness"),
                tokens: try io.engine().classifier("tokens"))
            try await io.run(LanguageBatchTask(analyzer: analyzer))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
