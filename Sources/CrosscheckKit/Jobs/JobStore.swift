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

    /// Takes the oldest queued job and marks it running; `nil` when none waits. Two runners never
    /// take the same job.
    func claimNextJob() async throws -> AnalysisJob?

    /// Marks a running job done, with its report (the JSON a `check --format json` writes).
    func completeJob(id: String, report: Data) async throws

    /// Marks a running job failed, with why.
    func failJob(id: String, error: String) async throws

    /// The report of a done job.
    func report(forJob id: String) async throws -> Data?

    /// Puts jobs left running by a process that stopped back in the queue; returns how many.
    func requeueRunningJobs() async throws -> Int
}

extension AnalysisJob {
    /// A new queued job for `submission`, submitted now.
    public static func queued(_ submission: ArticleInput, now: Date = Date()) -> AnalysisJob {
        AnalysisJob(
            id: UUID().uuidString.lowercased(), state: .queued, submission: submission,
            submitted: ISO8601DateFormatter().string(from: now))
    }
}
