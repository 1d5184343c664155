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
            "rating", "url", "date"}. Fact-checks with a known id are updated. Then the store's fact-checks are embedded \
            (about 80 a second) and the embeddings kept in the cache folder, so check and factchecks search compare them by \
            meaning however many there are; without that, only stores of up to 500 are compared by meaning.
            """
    )

    @Argument(help: "A file path or an http(s) URL.")
    var input: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions

    @Flag(
        inversion: .prefixedNo,
        help: "Embed the store's fact-checks now and keep the embeddings, so matching compares meaning however many there are.")
    var embed = true

    func run() async throws {
        do {
            let loaded = try await InputLoader(maxBytes: 500_000_000, fetcher: .init()).load(input, url: nil)
            let read = try FactCheckReader().read(loaded.data, name: input)
            for problem in read.problems.prefix(20) { StandardError.write("warning: \(problem)\n") }
            guard !read.factChecks.isEmpty else {
                throw CrosscheckError(.emptyArticle, "no fact-checks found in \(input); give ClaimReview JSON-LD or JSON Lines with \"claim\"")
            }
            let opened = try store.open()
            let added = try await opened.add(read.factChecks)
            print("imported \(read.factChecks.count) fact-checks (\(added) new, \(read.factChecks.count - added) updated)")
            if embed {
                let all = try await opened.factChecks()
                let clock = ContinuousClock()
                let start = clock.now
                if try modelOptions.engine().storeFactCheckEmbeddings(all) {
                    print("embedded the store's \(all.count) fact-checks for matching by meaning in \(clock.now - start)")
                }
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
