import ArgumentParser
import CrosscheckKit
import Foundation

struct SourcesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sources and how their last poll went.")

    @Option(help: "Output format: terminal or json.")
    var format: String = "terminal"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let opened = try store.open()
        let sources = try await opened.sources()
        if format == "json" {
            let encoder = JSONReportRenderer.encoder()
            print(String(decoding: try encoder.encode(sources), as: UTF8.self))
            return
        }
        let statistics = try await opened.statistics()
        print("\(store.shown): \(statistics.documents) documents, \(statistics.passages) passages, \(statistics.factChecks) fact-checks")
        if sources.isEmpty { print("no sources; add one with crosscheck sources add URL") }
        for source in sources {
            print("\(source.name)  \(source.kind.rawValue)  every \(source.every)s  \(source.url)")
            print("    last poll: \(source.lastPolled ?? "never")  \(source.lastResult ?? "")  next: \(source.nextPoll ?? "now")")
        }
    }
}
