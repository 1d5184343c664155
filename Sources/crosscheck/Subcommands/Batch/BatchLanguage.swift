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
            // The engine's technique reading (with the fine-tuned gate where the encoder runs), as
            // `crosscheck check` reads an article, plus the truthfulness estimate.
            var analyzer = try io.engine().languageAnalyzer()
            analyzer.truthfulness = try io.engine().classifier("truthfulness")
            try await io.run(LanguageBatchTask(analyzer: analyzer))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
