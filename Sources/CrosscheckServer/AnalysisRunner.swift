public import CrosscheckFetch
public import CrosscheckKit
import Foundation
public import Logging
import Metrics
public import ServiceLifecycle
import Synchronization

/// Takes queued jobs from the store and analyses them, a bounded number at a time, until the service group shuts down. Jobs left running by a stopped process are queued again at start, so
/// a restart resumes them; a job under way at shutdown finishes first.
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

    public init(
        jobs: any JobStore, analysis: ArticleAnalysis, concurrency: Int = 1, idlePoll: Duration = .seconds(2), wakeups: Wakeups = Wakeups(),
        fetcher: HTTPFetcher = HTTPFetcher(), logger: Logger = Logger(label: "crosscheck.runner")
    ) {
        self.fetcher = fetcher
        self.jobs = jobs
        self.analysis = analysis
        self.concurrency = max(1, concurrency)
        self.idlePoll = idlePoll
        self.wakeups = wakeups
        self.logger = logger
    }

    public func run() async throws {
        let requeued = try await jobs.requeueRunningJobs()
        if requeued > 0 { logger.notice("resuming interrupted jobs", metadata: ["jobs": "\(requeued)"]) }
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
            if let job = try await jobs.claimNextJob() {
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

    /// Analyses one job and stores its report, or why it failed.
    func analyse(_ job: AnalysisJob) async {
        let start = ContinuousClock.now
        do {
            var submission = job.submission
            if submission.data.isEmpty, let url = submission.url {
                // Submitted as an address alone: the page is fetched now, with the fetcher's limits.
                submission = try await fetcher.fetchArticle(url)
                submission.name = job.submission.name
            }
            let report = try await analysis.report(for: submission)
            let data = Data(try JSONReportRenderer().render(report).utf8)
            try await jobs.completeJob(id: job.id, report: data)
            Counter(label: "crosscheck_jobs_total", dimensions: [("state", "done")]).increment()
            Metrics.Timer(label: "crosscheck_analysis_duration_seconds").record(duration: ContinuousClock.now - start)
            logger.info("job done", metadata: ["job.id": "\(job.id)", "duration": "\(ContinuousClock.now - start)"])
        } catch {
            let message = (error as? CrosscheckError)?.description ?? "the analysis failed: \(error)"
            Counter(label: "crosscheck_jobs_total", dimensions: [("state", "failed")]).increment()
            logger.warning("job failed", metadata: ["job.id": "\(job.id)", "error": "\(message)"])
            do {
                try await jobs.failJob(id: job.id, error: message)
            } catch {
                // The store refused the failure too; the job stays running and is queued again at the next start.
                logger.error("job state not saved", metadata: ["job.id": "\(job.id)", "error": "\(error)"])
            }
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
