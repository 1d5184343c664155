import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import Foundation
import Logging

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
                            logger.notice(
                                "polled", metadata: ["source.name": "\(report.source)", "poll.result": "\(SourcePoller.describe(report.outcome))"])
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
