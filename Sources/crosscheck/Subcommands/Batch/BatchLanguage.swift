import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct BatchLanguage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "{\"id\", \"text\"} -> {\"id\", \"score\", \"techniques\": [{\"technique\", \"start\", \"end\", \"score\"}], \"truthfulness\": {\"label\", \"score\"}}")

    @OptionGroup var io: BatchIO

    func run() async throws {
        do {
            let analyzer = LanguageAnalyzer(
                techniques: try MultiHeadClassifier.bundled("techniques"), truthfulness: try MultiHeadClassifier.bundled("truthfulness"),
                tokens: try MultiHeadClassifier.bundled("tokens"))
            try await io.run(LanguageBatchTask(analyzer: analyzer))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
