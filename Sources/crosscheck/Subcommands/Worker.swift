import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import CrosscheckServer
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse queued articles and poll due sources from a shared store, beside any number of other workers.",
        discussion: """
            Workers on any machines share the store's queue: each job is taken by one worker and held under a lease it renews \
            while it works, so a worker that stops (even with kill -9) leaves its job to another once the lease runs out, and a \
            job has exactly one result. A failure worth retrying (a page that could not be fetched) is tried again after a \
            backoff, at most three times; then the job is failed for good. Each due source is polled by one worker per interval. \
            SIGTERM or SIGINT finish the articles under way, then stop.

            Example:
              crosscheck worker --db postgres://crosscheck:secret@db.internal/crosscheck
            """)

    @Flag(inversion: .prefixedNo, help: "Analyse queued articles.")
    var jobs = true

    @Flag(inversion: .prefixedNo, help: "Poll the store's sources as they fall due.")
    var feeds = true

    @Option(help: "Articles analysed at once (the models use one core each).")
    var concurrency: Int = 1

    @Option(help: "Seconds a job is held without renewal before another worker may take it.")
    var lease: Int = 60

    @Option(help: "Longest wait between looks for work, in seconds.")
    var check: Double = 2

    @OptionGroup var polling: PollingOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = global.bootstrapLogging()
        do {
            guard jobs || feeds else {
                throw CrosscheckError(.invalidArgument, "--no-jobs and --no-feeds leave the worker nothing to do; drop one of them")
            }
            guard (1...64).contains(concurrency) else {
                throw CrosscheckError(.invalidArgument, "--concurrency \(concurrency) is out of range; give 1 to 64 (one per core is plenty)")
            }
            guard (5...3600).contains(lease) else {
                throw CrosscheckError(.invalidArgument, "--lease \(lease) is out of range; give 5 to 3600 seconds")
            }
            guard check > 0, check <= 3600 else {
                throw CrosscheckError(.invalidArgument, "--check \(check) is out of range; give more than 0 and at most 3600 seconds")
            }
            let opened = try StoreOptions.openForServer(store.path)
            if !store.isShared {
                logger.notice("the store is a file: run one worker on it, or share a PostgreSQL store between several")
            }
            var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
            if jobs {
                let engine = try modelOptions.engine()
                _ = try engine.articleChecker()
                let runner = AnalysisRunner(
                    jobs: opened, analysis: ArticleAnalysis(engine: engine, factChecks: opened, evidence: opened), concurrency: concurrency,
                    idlePoll: .milliseconds(Int(check * 1000)), logger: logger, lease: .seconds(lease))
                services.append(.init(service: runner, successTerminationBehavior: .gracefullyShutdownGroup))
            }
            if feeds {
                let poller = try polling.poller(store: opened)
                services.append(
                    .init(
                        service: PollingService(poller: poller, longestWait: .seconds(60), logger: logger),
                        successTerminationBehavior: .gracefullyShutdownGroup))
            }
            logger.notice(
                "working", metadata: ["db": "\(store.shown)", "worker": "\(WorkerName.thisProcess)", "jobs": "\(jobs)", "feeds": "\(feeds)"])
            let group = ServiceGroup(
                configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
            logger.notice("stopped")
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
