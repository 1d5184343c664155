import ArgumentParser
import CrosscheckKit
import Foundation

struct SourcesIndex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild the passage indexes beside the store from every stored passage: BM25 postings, and vectors by meaning.",
        discussion: """
            Imports and polls rebuild the BM25 index when more than 10,000 passages (and a tenth of the index) are new; \
            passages added since are still searched, through the store's full-text index. The dense index is built here \
            only, when the sentence encoder runs: up to 50,000 passages each is embedded by the encoder (about 25 passages \
            a second on one core; a rebuild embeds only passages it lacks), beyond that by a static embedding distilled \
            from it (thousands a second; the first distillation takes about a minute and is kept in the cache folder), \
            with an HNSW graph beyond 100,000 passages. Passages newer than it are found by words alone until it is rebuilt.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions

    @Flag(inversion: .prefixedNo, help: "Also build the dense index (passages by meaning).")
    var dense = true

    func run() async throws {
        let opened = try store.open()
        let clock = ContinuousClock()
        let start = clock.now
        let count = try await opened.rebuildIndex()
        print("indexed \(count) passages in \(clock.now - start)")
        if dense { try await DenseIndexUpdate.run(opened, engine: try modelOptions.engine()) }
    }
}
