import CrosscheckKit
import Foundation
public import Logging
public import ServiceLifecycle

/// The feed poller as a long-running service (`crosscheck watch`, and the server's `--watch`):
/// polls sources as they fall due and keeps the retrieval index fresh, until the service group
/// shuts down. A poll under way when shutdown starts finishes and saves its state; the wait for
/// the next one is cut short.
public struct PollingService: Service {
    public var poller: SourcePoller
    /// The longest wait between looks for due sources.
    public var longestWait: Duration
    public var logger: Logger

    public init(poller: SourcePoller, longestWait: Duration = .seconds(60), logger: Logger = Logger(label: "crosscheck.watch")) {
        self.poller = poller
        self.longestWait = longestWait
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            var wait = longestWait
            do {
                for report in try await poller.refresh() where report.outcome != .notDue {
                    logger.notice("polled", metadata: ["source.name": "\(report.source)", "poll.result": "\(SourcePoller.describe(report.outcome))"])
                }
                try await poller.store.refreshIndexIfStale()
                if let next = try await poller.nextDue() {
                    wait = min(max(.milliseconds(Int(next.timeIntervalSinceNow * 1000)), .seconds(1)), longestWait)
                }
            } catch {
                logger.error("refresh failed", metadata: ["error": "\(error)"])
            }
            let pause = wait
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            } catch {
                break
            }
        }
        logger.notice("stopped polling")
    }
}
