public import Foundation

/// Jobs kept in memory: for tests, and for a server that need not survive a restart.
public actor MemoryJobStore: JobStore {
    private var jobsByID: [String: AnalysisJob] = [:]
    private var order: [String] = []
    private var reports: [String: Data] = [:]
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    private var stamp: String { ISO8601DateFormatter().string(from: now()) }

    public func enqueue(_ submission: ArticleInput) async throws -> AnalysisJob {
        let job = AnalysisJob.queued(submission, now: now())
        jobsByID[job.id] = job
        order.append(job.id)
        return job
    }

    public func job(id: String) async throws -> AnalysisJob? { jobsByID[id] }

    public func jobs(state: AnalysisJob.State?, limit: Int) async throws -> [AnalysisJob] {
        Array(order.reversed().compactMap { jobsByID[$0] }.filter { state == nil || $0.state == state }.prefix(limit))
    }

    public func jobs(url: String, limit: Int) async throws -> [AnalysisJob] {
        Array(order.reversed().compactMap { jobsByID[$0] }.filter { $0.submission.url == url }.prefix(limit))
    }

    public func claimNextJob() async throws -> AnalysisJob? {
        guard let id = order.first(where: { jobsByID[$0]?.state == .queued }), var job = jobsByID[id] else { return nil }
        job.state = .running
        job.started = stamp
        job.attempts += 1
        jobsByID[id] = job
        return job
    }

    public func completeJob(id: String, report: Data) async throws {
        guard var job = jobsByID[id] else { return }
        job.state = .done
        job.finished = stamp
        job.error = nil
        jobsByID[id] = job
        reports[id] = report
    }

    public func failJob(id: String, error: String) async throws {
        guard var job = jobsByID[id] else { return }
        job.state = .failed
        job.finished = stamp
        job.error = error
        jobsByID[id] = job
    }

    public func report(forJob id: String) async throws -> Data? { reports[id] }

    public func requeueRunningJobs() async throws -> Int {
        let running = jobsByID.values.filter { $0.state == .running }
        for var job in running {
            job.state = .queued
            jobsByID[job.id] = job
        }
        return running.count
    }
}
