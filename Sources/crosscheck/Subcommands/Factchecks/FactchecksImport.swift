import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation

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
