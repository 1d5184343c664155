import ArgumentParser
import CrosscheckKit
import CrosscheckSQLite
import CrosscheckFetch
import Foundation

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search the evidence store's passages (BM25).")

    @Argument(help: "What to look for.")
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
            print("\(rank + 1). \(hit.title ?? "untitled") — \(hit.source), \(hit.published ?? "undated")  [score \(String(format: "%.2f", hit.score))]")
            if let url = hit.url { print("   \(url)") }
            print(TerminalReportRenderer(color: false).wrap(hit.passage.text, indent: "   "))
            print("")
        }
    }
}

struct Factchecks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The organisation's earlier fact-checks: import them, and find matches for a claim.",
        subcommands: [FactchecksImport.self, FactchecksSearch.self]
    )
}

struct FactchecksImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import fact-checks from a file or URL.",
        discussion: """
            Reads ClaimReview JSON-LD (a page's <script type="application/ld+json">, JSON or JSON Lines), \
            the Google Fact Check Tools claims:search response, or JSON Lines {"id", "claim", "title", \
            "rating", "url", "date"}. Fact-checks with a known id are updated.
            """
    )

    @Argument(help: "A file path or an http(s) URL.")
    var input: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let loaded = try await InputLoader(maxBytes: 500_000_000, fetcher: .init()).load(input, url: nil)
            let read = try FactCheckReader().read(loaded.data, name: input)
            for problem in read.problems.prefix(20) { StandardError.write("warning: \(problem)\n") }
            guard !read.factChecks.isEmpty else {
                throw CrosscheckError(.emptyArticle, "no fact-checks found in \(input); give ClaimReview JSON-LD or JSON Lines with \"claim\"")
            }
            let added = try await store.open().add(read.factChecks)
            print("imported \(read.factChecks.count) fact-checks (\(added) new, \(read.factChecks.count - added) updated)")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}

struct FactchecksSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find earlier fact-checks of a claim, in other words too.")

    @Argument(help: "The claim or post.")
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

    func run() async throws {
        do {
            let checks = try await store.open().factChecks()
            guard !checks.isEmpty else {
                throw CrosscheckError(.emptyArticle, "the store has no fact-checks; import some with crosscheck factchecks import FILE")
            }
            let matcher = ClaimMatcher(
                factChecks: checks, reranker: try MatchReranker.bundled(), configuration: .init(recencyDays: recencyDays),
                encoder: try SharedEncoder.encoder(forFactChecks: checks.count))
            let claimDate = date.flatMap(DateNormalizer.date) ?? (recencyDays != nil ? Date() : nil)
            let matches = matcher.match(text, date: claimDate, limit: max(1, limit), includeWeak: all)
            if format == "json" {
                let rows = matches.map { ["id": $0.factCheck.id, "claim": $0.factCheck.claim, "rating": $0.factCheck.rating ?? "", "url": $0.factCheck.url ?? "", "score": String($0.score), "strong": String($0.strong)] }
                print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
                return
            }
            if matches.isEmpty { print("no earlier fact-check matches (use --all to see weak candidates)") }
            for match in matches {
                print("\(String(format: "%.2f", match.score)) \(match.strong ? "strong" : "suggested")  \(match.factCheck.rating ?? "unrated")  \(match.factCheck.claim)")
                if let url = match.factCheck.url { print("     \(url)") }
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
