import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct FactchecksSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find earlier fact-checks of a claim, in other words too.")

    @Argument(help: "The claim or post (one that starts with - goes after --).")
    var text: String

    @Option(help: "How many matches to show.")
    var limit: Int = 5

    @Option(help: "Only fact-checks published at most this many days before --date.")
    var recencyDays: Int?

    @Option(help: "When the claim was made (YYYY-MM-DD); default: today when --recency-days is given.")
    var date: String?

    @Flag(help: "Also show weak candidates below the suggestion threshold.")
    var all = false

    @Option(help: "Output format: terminal or json.")
    var format: String = "terminal"

    @OptionGroup var store: StoreOptions

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        do {
            let checks = try await store.open().factChecks()
            guard !checks.isEmpty else {
                throw CrosscheckError(.emptyArticle, "the store has no fact-checks; import some with crosscheck factchecks import FILE")
            }
            let matcher = try modelOptions.engine().matcher(factChecks: checks, configuration: .init(recencyDays: recencyDays))
            let claimDate = date.flatMap(DateNormalizer.date) ?? (recencyDays != nil ? Date() : nil)
            let matches = matcher.match(text, date: claimDate, limit: max(1, limit), includeWeak: all)
            if format == "json" {
                let rows = matches.map {
                    [
                        "id": $0.factCheck.id, "claim": $0.factCheck.claim, "rating": $0.factCheck.rating ?? "", "url": $0.factCheck.url ?? "",
                        "score": String($0.score), "strong": String($0.strong),
                    ]
                }
                print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                return
            }
            if matches.isEmpty { print("no earlier fact-check matches (use --all to see weak candidates)") }
            for match in matches {
                print(
                    "\(String(format: "%.2f", match.score)) \(match.strong ? "strong" : "suggested")  \(match.factCheck.rating ?? "unrated")  \(match.factCheck.claim)"
                )
                if let url = match.factCheck.url { print("     \(url)") }
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
