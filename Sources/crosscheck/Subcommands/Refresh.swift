import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation
import Logging

struct Refresh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll the sources that are due, once (with --force, all of them).",
        discussion: "A failing source is reported and backs off; it never stops the others."
    )

    @Flag(help: "Poll every source, due or not.")
    var force = false

    @Option(help: "Poll only this source (repeatable).")
    var source: [String] = []

    @OptionGroup var polling: PollingOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        _ = global.bootstrapLogging()
        let opened = try store.open()
        let poller = try polling.poller(store: opened)
        let reports = try await poller.refresh(force: force || !source.isEmpty, only: source.isEmpty ? nil : Set(source))
        if reports.isEmpty { print("no sources; add one with crosscheck sources add URL") }
        for report in reports {
            print("\(report.source): \(SourcePoller.describe(report.outcome)) (\(report.requests) requests)")
        }
        if try await opened.refreshIndexIfStale() { print("rebuilt the passage index") }
    }
}
