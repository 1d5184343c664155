public import CrosscheckFetch
public import CrosscheckKit
import Foundation
public import Logging
import Metrics
public import ServiceLifecycle
import Synchronization

/// Takes queued jobs from the store and analyses them, a bounded number at a time, until the
/// service group shuts down: inside the server, or as `crosscheck worker` beside others sharing
/// one store. Each job is held under a lease renewed while it runs, so a job whose process stopped
/// is taken again by another once its lease runs out; on a queue this process owns alone, jobs
/// left running are queued again at start. A job under way at shutdown finishes first.
public struct AnalysisRunner: Service {
    public var jobs: any JobStore
    public var analysis: ArticleAnalysis
    /// How many articles are analysed at once (the models use one core each).
    public var concurrency: Int
    /// How long an idle runner waits before looking for work again, unless woken by a submission.
    public var idlePoll: Duration
    public var wakeups: Wakeups
    /// Fetches the page of a job submitted as an address alone.
    public var fetcher: HTTPFetcher
    public var logger: Logger
    /// This runner's name in the job leases.
    public var worker: String
    /// How long a job is held without a renewal; renewed every third of it while it runs.
    public var lease: Duration

    public init(
        jobs: any JobStore, analysis: ArticleAnalysis, concurrency: Int = 1, idlePoll: Duration = .seconds(2), wakeups: Wakeups = Wakeups(),
        fetcher: HTTPFetcher = HTTPFetcher(), logger: Logger = Logger(label: "crosscheck.runner"), worker: String = WorkerName.thisProcess,
        lease: Duration = .seconds(60)
    ) {
        self.worker = worker
        self.lease = lease
        self.fetcher = fetcher
        self.jobs = jobs
        self.analysis = analysis
        self.concurrency = max(1, concurrency)
        self.idlePoll = idlePoll
        self.wakeups = wakeups
        self.logger = logger
    }

    public func run() async throws {
        if !jobs.isShared {
            let requeued = try await jobs.requeueRunningJobs()
            if requeued > 0 { logger.notice("resuming interrupted jobs", metadata: ["jobs": "\(requeued)"]) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<concurrency {
                group.addTask { try await runLane(lane) }
            }
            try await group.waitForAll()
        }
    }

    /// One lane: take a job, analyse it, repeat; wait for a wake-up or the poll interval when idle.
    func runLane(_ lane: Int) async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            if let job = try await claim() {
                await analyse(job)
                continue
            }
            let pause = idlePoll
            let wakeups = wakeups
            do {
                try await cancelWhenGracefulShutdown { try await wakeups.wait(upTo: pause) }
            } catch {
                return
            }
        }
    }

    /// The next job, or `nil`; a store that cannot be reached is logged and waited out, not fatal.
    func claim() async throws -> AnalysisJob? {
        do {
            return try await jobs.claimNextJob(worker: worker, lease: lease)
        } catch {
            logger.error("cannot take a job", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Analyses one job under its lease, renewed while it runs, and stores its report, or why it
    /// failed: a page that could not be fetched is tried again later, an article that cannot be
    /// read is not.
    func analyse(_ job: AnalysisJob) async {
        let start = ContinuousClock.now
        let outcome: Result<Data, any Error> = await withTaskGroup(of: Result<Data, any Error>?.self) { group in
            group.addTask { await renewWhileRunning(job) }
            group.addTask {
                do {
                    return .success(try await report(for: job))
                } catch {
                    return .failure(error)
                }
            }
            var result: Result<Data, any Error> = .failure(CancellationError())
            for await finished in group {
                if let finished {
                    result = finished
                    group.cancelAll()
                }
            }
            return result
        }
        do {
            switch outcome {
            case .success(let data):
                guard try await jobs.completeJob(id: job.id, worker: worker, report: data) else {
                    logger.warning("job finished elsewhere; this result is dropped", metadata: ["job.id": "\(job.id)"])
                    return
                }
                Counter(label: "crosscheck_jobs_total", dimensions: [("state", "done")]).increment()
                Metrics.Timer(label: "crosscheck_analysis_duration_seconds").record(duration: ContinuousClock.now - start)
                logger.info("job done", metadata: ["job.id": "\(job.id)", "duration": "\(ContinuousClock.now - start)"])
            case .failure(let error):
                let message = (error as? CrosscheckError)?.description ?? "the analysis failed: \(error)"
                let retry = Self.isWorthRetrying(error)
                Counter(label: "crosscheck_jobs_total", dimensions: [("state", "failed")]).increment()
                logger.warning("job failed", metadata: ["job.id": "\(job.id)", "error": "\(message)", "retry": "\(retry)"])
                _ = try await jobs.failJob(id: job.id, worker: worker, error: message, retry: retry)
            }
        } catch {
            // The store refused the outcome; the lease runs out and the job is taken again.
            logger.error("job state not saved", metadata: ["job.id": "\(job.id)", "error": "\(error)"])
        }
    }

    /// The report of one job, as JSON.
    func report(for job: AnalysisJob) async throws -> Data {
        var submission = job.submission
        if submission.data.isEmpty, let url = submission.url {
            // Submitted as an address alone: the page is fetched now, with the fetcher's limits.
            submission = try await fetcher.fetchArticle(url)
            submission.name = job.submission.name
        }
        let report = try await analysis.report(for: submission)
        return Data(try JSONReportRenderer().render(report).utf8)
    }

    /// Renews the job's lease every third of it until cancelled; returns `nil` (it has no result).
    func renewWhileRunning(_ job: AnalysisJob) async -> Result<Data, any Error>? {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: lease / 3)
                if try await !jobs.renewLease(job: job.id, worker: worker, lease: lease) {
                    logger.warning("lost the job's lease; another worker may take it", metadata: ["job.id": "\(job.id)"])
                    return nil
                }
            } catch is CancellationError {
                return nil
            } catch {
                logger.warning("cannot renew the job's lease", metadata: ["job.id": "\(job.id)", "error": "\(error)"])
            }
        }
        return nil
    }

    /// Whether a failure may pass: the page or the store could not be reached, not an article
    /// that cannot be read.
    static func isWorthRetrying(_ error: any Error) -> Bool {
        guard let error = error as? CrosscheckError else { return false }
        switch error.code {
        case .unreachable, .storeFailed: return true
        case .httpStatus: return error.message.contains("HTTP 5") || error.message.contains("HTTP 429")
        default: return false
        }
    }
}

/// Wakes idle runners when a job is submitted, so they need not wait for the next poll.
public final class Wakeups: Sendable {
    private let generation = Mutex<UInt64>(0)

    public init() {}

    /// Wakes the runners that wait.
    public func signal() { generation.withLock { $0 += 1 } }

    /// Returns soon after the next signal, or after `limit`.
    /// - Throws: `CancellationError` when the task is cancelled.
    func wait(upTo limit: Duration) async throws {
        let seen = generation.withLock { $0 }
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, generation.withLock({ $0 }) == seen {
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
