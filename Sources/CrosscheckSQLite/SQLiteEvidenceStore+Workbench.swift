public import CrosscheckKit
import GRDB

/// People, tokens, reviews and the audit log in the same SQLite file as everything else.
extension SQLiteEvidenceStore: PeopleStore, ReviewStore {
    public func add(_ person: Person) async throws {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE name = ?)", arguments: [person.name]) != true else {
                throw CrosscheckError(.invalidArgument, "there is already someone called \(person.name); choose another name")
            }
            try db.execute(
                sql: "INSERT INTO person (name, role, added, passwordHash) VALUES (?, ?, ?, ?)",
                arguments: [person.name, person.role.rawValue, person.added, person.passwordHash])
        }
    }

    public func person(named name: String) async throws -> Person? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM person WHERE name = ?", arguments: [name]).map(Self.person) }
    }

    public func people() async throws -> [Person] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY name").map(Self.person) }
    }

    public func removePerson(named name: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "UPDATE apiToken SET revoked = 1 WHERE person = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM person WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func add(_ token: APIToken, hash: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO apiToken (id, person, role, created, revoked, hash) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [token.id, token.person, token.role.rawValue, token.created, token.revoked, hash])
        }
    }

    public func token(id: String, hash: String) async throws -> APIToken? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM apiToken WHERE id = ? AND hash = ? AND revoked = 0", arguments: [id, hash]).map(Self.token)
        }
    }

    public func tokens(of person: String) async throws -> [APIToken] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM apiToken WHERE person = ? ORDER BY created", arguments: [person]).map(Self.token)
        }
    }

    public func revokeToken(id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "UPDATE apiToken SET revoked = 1 WHERE id = ? AND revoked = 0", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func record(_ review: Review) async throws -> Review {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO review (job, target, action, before, after, note, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    review.job, review.target.text, review.action.rawValue, review.before, review.after, review.note, review.reviewer, review.at,
                ])
            var stored = review
            stored.id = db.lastInsertedRowID
            try Self.insert(review.auditEntry, db)
            return stored
        }
    }

    public func reviews(ofJob job: String) async throws -> [Review] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review WHERE job = ? ORDER BY id", arguments: [job]).compactMap { row in
                guard let target = Review.Target(text: row["target"]), let action = Review.Action(rawValue: row["action"]) else { return nil }
                return Review(
                    id: row["id"], job: row["job"], target: target, action: action, before: row["before"], after: row["after"], note: row["note"],
                    reviewer: row["reviewer"], at: row["at"])
            }
        }
    }

    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditEntry {
        try await pool.write { db in try Self.insert(entry, db) }
    }

    public func auditLog(subject: String?, actor: String?, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let subject {
                conditions.append("subject = ?")
                _ = arguments.append(contentsOf: [subject])
            }
            if let actor {
                conditions.append("actor = ?")
                _ = arguments.append(contentsOf: [actor])
            }
            _ = arguments.append(contentsOf: [limit])
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM auditEntry \(filter) ORDER BY id LIMIT ?", arguments: arguments).map { row in
                AuditEntry(
                    id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"], detail: row["detail"],
                    before: row["before"], after: row["after"], note: row["note"])
            }
        }
    }

    @discardableResult
    static func insert(_ entry: AuditEntry, _ db: Database) throws -> AuditEntry {
        try db.execute(
            sql: "INSERT INTO auditEntry (at, actor, action, subject, detail, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [entry.at, entry.actor, entry.action, entry.subject, entry.detail, entry.before, entry.after, entry.note])
        var stored = entry
        stored.id = db.lastInsertedRowID
        return stored
    }

    static func person(_ row: Row) -> Person {
        Person(name: row["name"], role: Role(rawValue: row["role"]) ?? .viewer, added: row["added"], passwordHash: row["passwordHash"])
    }

    static func token(_ row: Row) -> APIToken {
        APIToken(id: row["id"], person: row["person"], role: Role(rawValue: row["role"]) ?? .viewer, created: row["created"], revoked: row["revoked"])
    }
}
