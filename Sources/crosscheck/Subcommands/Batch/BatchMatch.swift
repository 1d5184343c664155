import ArgumentParser
import CrosscheckEval
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct BatchMatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "{\"id\", \"text\"} -> {\"id\", \"matches\": [{\"id\", \"score\"}]} against --factchecks."
    )

    @OptionGroup var io: BatchIO

    @Option(help: "Fact-checks: JSON Lines ({\"id\", \"claim\", \"title\"?, \"rating\"?}) or ClaimReview JSON-LD.")
    var factchecks: String

    @Option(help: "Matches per line.")
    var top: Int = 5

    @Option(help: "A re-ranker file to use instead of the shipped one.")
    var model: String?

    func run() async throws {
        do {
            let data = try InputLoader(maxBytes: 2_000_000_000, fetcher: .init()).readFile(factchecks)
            let read = try FactCheckReader().read(data, name: factchecks)
            for problem in read.problems.prefix(20) { StandardError.write("warning: \(problem)\n") }
            let reranker =
                try model.map { try MatchReranker.load(from: Data(contentsOf: URL(fileURLWithPath: $0))) }
                ?? io.engine().matchReranker()
            let matcher = ClaimMatcher(factChecks: read.factChecks, reranker: reranker, encoder: try io.engine().encoder())
            try await io.run(MatchBatchTask(matcher: matcher, top: max(1, top)))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
