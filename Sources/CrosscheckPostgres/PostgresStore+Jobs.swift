public import CrosscheckKit
public import Foundation
import PostgresNIO

/// The shared analysis queue: workers on any machine take jobs with `FOR UPDATE SKIP LOCKED`
/// and hold them under leases timed by the database's clock, so machines need not agree on the time.
extension PostgresStore {
    public func enqueue(_ submission: ArticleInput) async throws -> AnalysisJob {
        let job = AnalysisJob.queued(submission)
        try await run("queue the article") {
            try await fetch(
                """
                INSERT INTO analysis_job (id, state, submitted, attempts, name, url, content_type, data)
                VALUES (\(job.id), \(job.state.rawValue), \(job.submitted), 0, \(submission.name), \(submission.url),
                    \(submission.contentType), \(submission.data))
                """, logger: logger)
        }
        return job
    }

    public func job(id: String) async throws -> AnalysisJob? {
        try await run("read the job") {
            try await fetch("SELECT \(unescaped: Self.jobColumns) FROM analysis_job WHERE id = \(id)", logger: logger).first.map(
                Self.job)
        }
    }

    public func jobs(state: AnalysisJob.State?, limit: Int) async throws -> [AnalysisJob] {
        try await run("list jobs") {
            if let state {
                return try await fetch(
                    "SELECT \(unescaped: Self.jobColumns) FROM analysis_job WHERE state = \(state.rawValue) ORDER BY position DESC LIMIT \(limit)",
                    logger: logger
                ).map(Self.job)
            }
            return try await fetch(
                "SELECT \(unescaped: Self.jobColumns) FROM analysis_job ORDER BY position DESC LIMIT \(limit)", logger: logger
            ).map(Self.job)
        }
    }

    public func jobs(url: String, limit: Int) async throws -> [AnalysisJob] {
        try await run("list the story's jobs") {
            try await fetch(
                "SELECT \(unescaped: Self.jobColumns) FROM analysis_job WHERE url = \(url) ORDER BY position DESC LIMIT \(limit)", logger: logger
            ).map(Self.job)
        }
    }

    public func claimNextJob(worker: String, lease: Duration) async throws -> AnalysisJob? {
        let stamp = ISO8601DateFormatter().string(from: Date())
        return try await run("take a job") {
            try await withTransaction { connection in
                // Jobs whose holders stopped every time are failed, not taken again.
                try await connection.fetch(
                    """
                    UPDATE analysis_job SET state = 'failed', finished = \(stamp), error = \(JobRetry.abandoned(attempts: JobRetry.maxAttempts)),
                        worker = NULL, lease_until = NULL
                    WHERE state = 'running' AND lease_until < clock_timestamp() AND attempts >= \(JobRetry.maxAttempts)
                    """, logger: logger)
                return try await connection.fetch(
                    """
                    UPDATE analysis_job SET state = 'running', started = \(stamp), attempts = attempts + 1, worker = \(worker),
                        lease_until = clock_timestamp() + \(lease.inSeconds) * interval '1 second', not_before = NULL
                    WHERE id = (
                        SELECT id FROM analysis_job
                        WHERE state IN ('queued', 'running')
                            AND ((state = 'queued' AND (not_before IS NULL OR not_before <= clock_timestamp()))
                                OR (state = 'running' AND lease_until < clock_timestamp()))
                        ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING \(unescaped: Self.jobColumns)
                    """, logger: logger
                ).first.map(Self.job)
            }
        }
    }

    public func renewLease(job id: String, worker: String, lease: Duration) async throws -> Bool {
        try await run("renew the job's lease") {
            try await fetch(
                """
                UPDATE analysis_job SET lease_until = clock_timestamp() + \(lease.inSeconds) * interval '1 second'
                WHERE id = \(id) AND state = 'running' AND worker = \(worker) RETURNING id
                """, logger: logger
            ).count > 0
        }
    }

    public func completeJob(id: String, worker: String, report: Data) async throws -> Bool {
        let finished = ISO8601DateFormatter().string(from: Date())
        return try await run("store the job's report") {
            try await fetch(
                """
                UPDATE analysis_job SET state = 'done', finished = \(finished), error = NULL, report = \(report), worker = NULL, lease_until = NULL
                WHERE id = \(id) AND state = 'running' AND worker = \(worker) RETURNING id
                """, logger: logger
            ).count > 0
        }
    }

    public func failJob(id: String, worker: String, error: String, retry: Bool) async throws -> Bool {
        let finished = ISO8601DateFormatter().string(from: Date())
        return try await run("record the job's failure") {
            try await withTransaction { connection in
                guard
                    let attempts = try await connection.fetch(
                        "SELECT attempts FROM analysis_job WHERE id = \(id) AND state = 'running' AND worker = \(worker) FOR UPDATE", logger: logger
                    ).first?.value("attempts", as: Int.self)
                else { return false }
                if retry, attempts < JobRetry.maxAttempts {
                    let wait = JobRetry.backoff(afterAttempt: attempts).inSeconds
                    try await connection.fetch(
                        """
                        UPDATE analysis_job SET state = 'queued', error = \(error), worker = NULL, lease_until = NULL,
                            not_before = clock_timestamp() + \(wait) * interval '1 second'
                        WHERE id = \(id)
                        """, logger: logger)
                } else {
                    try await connection.fetch(
                        """
                        UPDATE analysis_job SET state = 'failed', finished = \(finished), error = \(error), worker = NULL, lease_until = NULL
                        WHERE id = \(id)
                        """, logger: logger)
                }
                return true
            }
        }
    }

    public func report(forJob id: String) async throws -> Data? {
        try await run("read the job's report") {
            try await fetch("SELECT report FROM analysis_job WHERE id = \(id) AND state = 'done'", logger: logger).first?.value(
                "report", as: Data?.self) ?? nil
        }
    }

    /// Puts every running job back in the queue. Not for a shared queue in use (the server and
    /// workers never call it on one); kept for a store that has been taken out of service.
    public func requeueRunningJobs() async throws -> Int {
        try await run("requeue jobs") {
            try await fetch(
                "UPDATE analysis_job SET state = 'queued', worker = NULL, lease_until = NULL WHERE state = 'running' RETURNING id", logger: logger
            ).count
        }
    }

    static let jobColumns = "id, state, submitted, started, finished, attempts, error, name, url, content_type, data"

    static func job(_ row: PostgresRandomAccessRow) throws -> AnalysisJob {
        AnalysisJob(
            id: try row.value("id"), state: AnalysisJob.State(rawValue: try row.value("state")) ?? .failed,
            submission: ArticleInput(
                data: try row.value("data"), name: try row.value("name"), url: try row.value("url"), contentType: try row.value("content_type")),
            submitted: try row.value("submitted"), started: try row.value("started"), finished: try row.value("finished"),
            attempts: try row.value("attempts"), error: try row.value("error"))
    }
}
