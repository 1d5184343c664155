public import Foundation

/// Where analysis jobs and their reports are kept: the queue a server fills and runners drain.
/// The in-memory store and SQLite implement it and pass one contract suite.
public protocol JobStore: Sendable {
    /// Queues `submission`; returns the new job.
    func enqueue(_ submission: ArticleInput) async throws -> AnalysisJob

    /// The job with this id.
    func job(id: String) async throws -> AnalysisJob?

    /// The newest jobs first, at most `limit`, optionally only those in `state`.
    func jobs(state: AnalysisJob.State?, limit: Int) async throws -> [AnalysisJob]

    /// The newest jobs first whose submission has the address `url` exactly, at most `limit`: how
    /// the reader's side finds a story's analysis.
    func jobs(url: String, limit: Int) async throws -> [AnalysisJob]

    /// Takes the oldest job that waits for `worker` and holds it for `lease`: a queued job whose
    /// retry time has come, or a running one whose holder's lease ran out (its process stopped).
    /// `nil` when none waits. Two workers never hold the same job at once. A job whose holders
    /// stopped ``JobRetry/maxAttempts`` times is failed instead of taken again.
    func claimNextJob(worker: String, lease: Duration) async throws -> AnalysisJob?

    /// Extends `worker`'s hold on a running job by `lease` from now; `false` when it no longer
    /// holds it (the lease ran out and another worker took the job, or it is finished).
    func renewLease(job id: String, worker: String, lease: Duration) async throws -> Bool

    /// Marks the job `worker` holds done, with its report (the JSON a `check --format json`
    /// writes). `false`, changing nothing, when `worker` no longer holds it: so a job has exactly
    /// one result however many workers ran it.
    func completeJob(id: String, worker: String, report: Data) async throws -> Bool

    /// Records why the job `worker` holds failed. With `retry`, and attempts left, the job waits
    /// ``JobRetry/backoff(afterAttempt:)`` and is queued again; otherwise it is failed for good
    /// (the dead letters, listed by `jobs(state: .failed)`). `false` when `worker` no longer holds it.
    func failJob(id: String, worker: String, error: String, retry: Bool) async throws -> Bool

    /// The report of a done job.
    func report(forJob id: String) async throws -> Data?

    /// Puts jobs left running by a process that stopped back in the queue; returns how many. Only
    /// for a queue one process owns (``isShared`` is false): on a shared one, leases do this.
    func requeueRunningJobs() async throws -> Int

    /// Whether processes on other machines share this queue, so none may requeue the others'
    /// running jobs when it starts.
    var isShared: Bool { get }
}

extension JobStore {
    public var isShared: Bool { false }
}

/// How often a job is tried, and how long it waits between tries.
public enum JobRetry {
    /// Tries before a job is failed for good: a failure worth retrying (a page that could not be
    /// fetched) or a worker that stopped mid-job each use one.
    public static let maxAttempts = 3

    /// The wait before the next try after attempt `attempt` (1-based): 5 s, 10 s, 20 s … at most 5 min.
    public static func backoff(afterAttempt attempt: Int) -> Duration {
        .seconds(min(5 << max(0, min(attempt - 1, 10)), 300))
    }

    /// The error a job is left with when its holders stopped every time.
    public static func abandoned(attempts: Int) -> String {
        "gave up after \(attempts) attempts: the worker running it stopped each time; resubmit the article to try again"
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension AnalysisJob {
    /// A new queued job for `submission`, submitted now.
    public static func queued(_ submission: ArticleInput, now: Date = Date()) -> AnalysisJob {
        AnalysisJob(
            id: UUID().uuidString.lowercased(), state: .queued, submission: submission,
            submitted: ISO8601DateFormatter().string(from: now))
    }
}
