import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import CrosscheckSQLite
import Foundation
import Logging

/// Options for polling.
struct PollingOptions: ParsableArguments {
    @Option(help: "Seconds between two requests to the same host.")
    var politeness: Double = 1

    @Option(help: "Seconds to wait for each request.")
    var timeout: Double = 20

    @Option(help: "Largest response accepted, e.g. 10MB.")
    var maxSize: String = "10MB"

    @Option(help: "Items followed per source and poll.")
    var maxItems: Int = 50

    func poller(store: any EvidenceStore) throws -> SourcePoller {
        guard let bytes = ByteCount.parse(maxSize) else {
            throw ExitCodes.fail(CrosscheckError(.invalidArgument, "--max-size \(maxSize) is not a size; write it like 10MB"))
        }
        let fetcher = HTTPFetcher(configuration: .init(timeout: timeout, maxBytes: bytes))
        return SourcePoller(store: store, fetcher: fetcher, configuration: .init(politeness: politeness, maxItems: maxItems))
    }
}

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
        let stop = ShutdownSignal()
        logger.notice("watching sources", metadata: ["db.path": "\(store.path)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    do {
                        for report in try await poller.refresh() where report.outcome != .notDue {
                            logger.notice("polled", metadata: ["source.name": "\(report.source)", "poll.result": "\(SourcePoller.describe(report.outcome))"])
                        }
                        try await opened.refreshIndexIfStale()
                        let next = try await poller.nextDue()
                        let wait = min(max(next.map { $0.timeIntervalSinceNow } ?? check, 1), check)
                        try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
                    } catch is CancellationError {
                        break
                    } catch {
                        logger.error("refresh failed", metadata: ["error": "\(error)"])
                        try? await Task.sleep(for: .seconds(check))
                    }
                }
            }
            await stop.wait()
            logger.notice("stopping")
            group.cancelAll()
        }
    }
}

/// Waits for SIGINT or SIGTERM.
final class ShutdownSignal: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream<Void>.makeStream()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let continuation = self.continuation
            source.setEventHandler { continuation.yield() }
            source.resume()
            sources.append(source)
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
