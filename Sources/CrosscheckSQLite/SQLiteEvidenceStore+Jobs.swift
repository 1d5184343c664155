public import CrosscheckKit
public import Foundation
import GRDB

/// The analysis queue in the same SQLite file as the evidence, so a server restarted on it resumes
/// the jobs it had.
extension SQLiteEvidenceStore: JobStore {
    public func enqueue(_ submission: ArticleInput) async throws -> AnalysisJob {
        let job = AnalysisJob.queued(submission)
        try await pool.write { db in
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM analysisJob") ?? 1
            try db.execute(
                sql: """
                    INSERT INTO analysisJob (id, state, submitted, attempts, name, url, contentType, data, position)
                    VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    job.id, job.state.rawValue, job.submitted, submission.name, submission.url, submission.contentType, submission.data,
                    position,
                ])
        }
        return job
    }

    public func job(id: String) async throws -> AnalysisJob? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM analysisJob WHERE id = ?", arguments: [id]).map(Self.job) }
    }

    public func jobs(state: AnalysisJob.State?, limit: Int) async throws -> [AnalysisJob] {
        try await pool.read { db in
            if let state {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM analysisJob WHERE state = ? ORDER BY position DESC LIMIT ?", arguments: [state.rawValue, limit]
                ).map(Self.job)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM analysisJob ORDER BY position DESC LIMIT ?", arguments: [limit]).map(Self.job)
        }
    }

    public func jobs(url: String, limit: Int) async throws -> [AnalysisJob] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM analysisJob WHERE url = ? ORDER BY position DESC LIMIT ?", arguments: [url, limit]).map(Self.job)
        }
    }

    public func claimNextJob(worker: String, lease: Duration) async throws -> AnalysisJob? {
        let now = Date()
        let started = ISO8601DateFormatter().string(from: now)
        let clock = now.timeIntervalSince1970
        return try await pool.write { db in
            // One write transaction: no other process on this file can take the same row.
            try db.execute(
                sql: """
                    UPDATE analysisJob SET state = 'failed', finished = ?, error = ?, worker = NULL, leaseUntil = NULL
                    WHERE state = 'running' AND leaseUntil < ? AND attempts >= ?
                    """,
                arguments: [started, JobRetry.abandoned(attempts: JobRetry.maxAttempts), clock, JobRetry.maxAttempts])
            guard
                let id = try String.fetchOne(
                    db,
                    sql: """
                        SELECT id FROM analysisJob
                        WHERE (state = 'queued' AND (notBefore IS NULL OR notBefore <= ?)) OR (state = 'running' AND leaseUntil < ?)
                        ORDER BY position LIMIT 1
                        """, arguments: [clock, clock])
            else { return nil }
            try db.execute(
                sql: """
                    UPDATE analysisJob SET state = 'running', started = ?, attempts = attempts + 1, worker = ?, leaseUntil = ?,
                        notBefore = NULL
                    WHERE id = ?
                    """,
                arguments: [started, worker, clock + lease.inSeconds, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM analysisJob WHERE id = ?", arguments: [id]).map(Self.job)
        }
    }

    public func renewLease(job id: String, worker: String, lease: Duration) async throws -> Bool {
        let until = Date().timeIntervalSince1970 + lease.inSeconds
        return try await pool.write { db in
            try db.execute(
                sql: "UPDATE analysisJob SET leaseUntil = ? WHERE id = ? AND state = 'running' AND worker = ?", arguments: [until, id, worker])
            return db.changesCount > 0
        }
    }

    public func completeJob(id: String, worker: String, report: Data) async throws -> Bool {
        let finished = ISO8601DateFormatter().string(from: Date())
        return try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE analysisJob SET state = 'done', finished = ?, error = NULL, report = ?, worker = NULL, leaseUntil = NULL
                    WHERE id = ? AND state = 'running' AND worker = ?
                    """,
                arguments: [finished, report, id, worker])
            return db.changesCount > 0
        }
    }

    public func failJob(id: String, worker: String, error: String, retry: Bool) async throws -> Bool {
        let now = Date()
        let finished = ISO8601DateFormatter().string(from: now)
        return try await pool.write { db in
            guard
                let attempts = try Int.fetchOne(
                    db, sql: "SELECT attempts FROM analysisJob WHERE id = ? AND state = 'running' AND worker = ?", arguments: [id, worker])
            else { return false }
            if retry, attempts < JobRetry.maxAttempts {
                let next = now.timeIntervalSince1970 + JobRetry.backoff(afterAttempt: attempts).inSeconds
                try db.execute(
                    sql: "UPDATE analysisJob SET state = 'queued', error = ?, worker = NULL, leaseUntil = NULL, notBefore = ? WHERE id = ?",
                    arguments: [error, next, id])
            } else {
                try db.execute(
                    sql: "UPDATE analysisJob SET state = 'failed', finished = ?, error = ?, worker = NULL, leaseUntil = NULL WHERE id = ?",
                    arguments: [finished, error, id])
            }
            return true
        }
    }

    public func report(forJob id: String) async throws -> Data? {
        try await pool.read { db in try Data.fetchOne(db, sql: "SELECT report FROM analysisJob WHERE id = ? AND state = 'done'", arguments: [id]) }
    }

    public func requeueRunningJobs() async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "UPDATE analysisJob SET state = 'queued', worker = NULL, leaseUntil = NULL WHERE state = 'running'")
            return db.changesCount
        }
    }

    static func job(_ row: Row) -> AnalysisJob {
        AnalysisJob(
            id: row["id"], state: AnalysisJob.State(rawValue: row["state"]) ?? .failed,
            submission: ArticleInput(data: row["data"], name: row["name"], url: row["url"], contentType: row["contentType"]),
            submitted: row["submitted"], started: row["started"], finished: row["finished"], attempts: row["attempts"], error: row["error"])
    }
}
