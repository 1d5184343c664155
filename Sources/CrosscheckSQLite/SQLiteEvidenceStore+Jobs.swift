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

    public func claimNextJob() async throws -> AnalysisJob? {
        let started = ISO8601DateFormatter().string(from: Date())
        return try await pool.write { db in
            // One write transaction: no other runner of this file can take the same row.
            guard let id = try String.fetchOne(db, sql: "SELECT id FROM analysisJob WHERE state = 'queued' ORDER BY position LIMIT 1")
            else { return nil }
            try db.execute(
                sql: "UPDATE analysisJob SET state = 'running', started = ?, attempts = attempts + 1 WHERE id = ?", arguments: [started, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM analysisJob WHERE id = ?", arguments: [id]).map(Self.job)
        }
    }

    public func completeJob(id: String, report: Data) async throws {
        let finished = ISO8601DateFormatter().string(from: Date())
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE analysisJob SET state = 'done', finished = ?, error = NULL, report = ? WHERE id = ?",
                arguments: [finished, report, id])
        }
    }

    public func failJob(id: String, error: String) async throws {
        let finished = ISO8601DateFormatter().string(from: Date())
        try await pool.write { db in
            try db.execute(sql: "UPDATE analysisJob SET state = 'failed', finished = ?, error = ? WHERE id = ?", arguments: [finished, error, id])
        }
    }

    public func report(forJob id: String) async throws -> Data? {
        try await pool.read { db in try Data.fetchOne(db, sql: "SELECT report FROM analysisJob WHERE id = ? AND state = 'done'", arguments: [id]) }
    }

    public func requeueRunningJobs() async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "UPDATE analysisJob SET state = 'queued' WHERE state = 'running'")
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
