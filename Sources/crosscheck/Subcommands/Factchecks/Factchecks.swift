import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct Factchecks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The organisation's earlier fact-checks: import them, and find matches for a claim.",
        subcommands: [FactchecksImport.self, FactchecksSearch.self]
    )
}
