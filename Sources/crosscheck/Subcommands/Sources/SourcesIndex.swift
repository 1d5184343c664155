import ArgumentParser
import CrosscheckKit
import Foundation

struct SourcesIndex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild the passage index (a BM25 posting file beside the store) from every stored passage.",
        discussion: """
            Imports and polls rebuild it when more than 10,000 passages (and a tenth of the index) are             new; passages added since are still searched, through SQLite's FTS5.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let opened = try store.open()
        let clock = ContinuousClock()
        let start = clock.now
        let count = try await opened.rebuildIndex()
        print("indexed \(count) passages in \(clock.now - start)")
    }
}
