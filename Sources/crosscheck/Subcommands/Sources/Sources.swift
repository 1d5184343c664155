import ArgumentParser
import CrosscheckKit
import Foundation

struct Sources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the evidence sources: feeds to poll and collections to import.",
        subcommands: [SourcesAdd.self, SourcesList.self, SourcesRemove.self, SourcesImport.self, SourcesIndex.self]
    )
}
