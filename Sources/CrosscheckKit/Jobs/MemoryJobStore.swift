public import Foundation

/// Jobs kept in memory: for tests, and for a server that need not survive a restart.
public actor MemoryJobStore: JobStore {
    private var jobsByID: [String: AnalysisJob] = [:]
    private var order: [String] = []
    private var reports: [String: Data] = [:]
    /// Who holds each running job, and until when.
    private var leases: [String: (worker: String, until: Date)] = [:]
    /// When each retried job may be taken again.
    private var notBefore: [String: Date] = [:]
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

    public func claimNextJob(worker: String, lease: Duration) async throws -> AnalysisJob? {
        let now = now()
        for id in order {
            guard var job = jobsByID[id] else { continue }
            switch job.state {
            case .queued where (notBefore[id] ?? .distantPast) <= now:
                break
            case .running where (leases[id]?.until ?? .distantPast) < now:
                if job.attempts >= JobRetry.maxAttempts {
                    job.state = .failed
                    job.finished = stamp
                    job.error = JobRetry.abandoned(attempts: job.attempts)
                    jobsByID[id] = job
                    leases[id] = nil
                    continue
                }
            default:
                continue
            }
            job.state = .running
            job.started = stamp
            job.attempts += 1
            jobsByID[id] = job
            leases[id] = (worker, now.addingTimeInterval(lease.inSeconds))
            notBefore[id] = nil
            return job
        }
        return nil
    }

    public func renewLease(job id: String, worker: String, lease: Duration) async throws -> Bool {
        guard holds(id, worker) else { return false }
        leases[id] = (worker, now().addingTimeInterval(lease.inSeconds))
        return true
    }

    public func completeJob(id: String, worker: String, report: Data) async throws -> Bool {
        guard holds(id, worker), var job = jobsByID[id] else { return false }
        job.state = .done
        job.finished = stamp
        job.error = nil
        jobsByID[id] = job
        reports[id] = report
        leases[id] = nil
        return true
    }

    public func failJob(id: String, worker: String, error: String, retry: Bool) async throws -> Bool {
        guard holds(id, worker), var job = jobsByID[id] else { return false }
        job.error = error
        leases[id] = nil
        if retry, job.attempts < JobRetry.maxAttempts {
            job.state = .queued
            notBefore[id] = now().addingTimeInterval(JobRetry.backoff(afterAttempt: job.attempts).inSeconds)
        } else {
            job.state = .failed
            job.finished = stamp
        }
        jobsByID[id] = job
        return true
    }

    private func holds(_ id: String, _ worker: String) -> Bool {
        jobsByID[id]?.state == .running && leases[id]?.worker == worker
    }

    public func report(forJob id: String) async throws -> Data? { reports[id] }

    public func requeueRunningJobs() async throws -> Int {
        let running = jobsByID.values.filter { $0.state == .running }
        for var job in running {
            job.state = .queued
            jobsByID[job.id] = job
            leases[job.id] = nil
        }
        return running.count
    }
}
