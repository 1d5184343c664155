import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search the evidence store's passages (BM25).")

    @Argument(help: "What to look for (text that starts with - goes after --).")
    var query: String

    @Option(help: "Only documents published on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only documents published before this date (YYYY-MM-DD).")
    var until: String?

    @Option(help: "Only documents from this source.")
    var source: String?

    @Option(help: "How many passages to show.")
    var limit: Int = 10

    @Option(help: "Output format: terminal or json.")
    var format: String = "terminal"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let since: Date?, until: Date?
        do {
            (since, until) = (try dateOption(self.since, "--since"), try dateOption(self.until, "--until"))
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
        let hits = try await store.open().search(PassageQuery(text: query, since: since, until: until, source: source, limit: max(1, limit)))
        if format == "json" {
            print(String(decoding: try JSONReportRenderer.encoder().encode(hits), as: UTF8.self))
            return
        }
        if hits.isEmpty { print("no passages match; import documents with crosscheck sources import, or try other words") }
        for (rank, hit) in hits.enumerated() {
            print(
                "\(rank + 1). \(hit.title ?? "untitled") — \(hit.source), \(hit.published ?? "undated")  [score \(String(format: "%.2f", hit.score))]"
            )
            if let url = hit.url { print("   \(url)") }
            print(TerminalReportRenderer(color: false).wrap(hit.passage.text, indent: "   "))
            print("")
        }
    }
}
