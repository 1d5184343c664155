import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep polling the sources as they fall due, until interrupted (SIGINT or SIGTERM).")

    @Option(help: "Longest sleep between checks for due sources, in seconds.")
    var check: Double = 60

    @OptionGroup var polling: PollingOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = global.bootstrapLogging()
        let opened = try store.open()
        let poller = try polling.poller(store: opened)
        logger.notice("watching sources", metadata: ["db": "\(store.shown)"])
        let service = PollingService(poller: poller, longestWait: .milliseconds(Int(check * 1000)), logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.notice("stopped")
    }
}
