import ArgumentParser
import CrosscheckEval
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct BatchComments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract:
            "{\"id\", \"text\", \"article\"?, \"author\"?, \"time\"?, \"thread\"?} -> {\"id\", \"inauthentic\", \"flags\", \"reasons\"}; lines sharing a thread are screened together."
    )

    @OptionGroup var io: BatchIO

    func run() async throws {
        do {
            let screener = try io.engine().commentScreener()
            try await io.run(CommentBatchTask(screener: screener))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
