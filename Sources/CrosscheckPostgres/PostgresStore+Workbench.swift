public import CrosscheckKit
import Logging
import PostgresNIO

/// People, tokens, reviews and the append-only audit log, in the shared store.
extension PostgresStore {
    public func add(_ person: Person) async throws {
        let added = try await run("add the person") {
            try await fetch(
                """
                INSERT INTO person (name, role, added, password_hash) VALUES (\(person.name), \(person.role.rawValue), \(person.added),
                    \(person.passwordHash))
                ON CONFLICT (name) DO NOTHING RETURNING name
                """, logger: logger
            ).count > 0
        }
        guard added else { throw CrosscheckError(.invalidArgument, "there is already someone called \(person.name); choose another name") }
    }

    public func person(named name: String) async throws -> Person? {
        try await run("read the person") {
            try await fetch("SELECT * FROM person WHERE name = \(name)", logger: logger).first.map(Self.person)
        }
    }

    public func people() async throws -> [Person] {
        try await run("list people") { try await fetch("SELECT * FROM person ORDER BY name", logger: logger).map(Self.person) }
    }

    public func removePerson(named name: String) async throws -> Bool {
        try await run("remove the person") {
            try await withTransaction { connection in
                try await connection.fetch("UPDATE api_token SET revoked = true WHERE person = \(name)", logger: logger)
                return try await connection.fetch("DELETE FROM person WHERE name = \(name) RETURNING name", logger: logger).count > 0
            }
        }
    }

    public func add(_ token: APIToken, hash: String) async throws {
        try await run("store the token") {
            try await fetch(
                """
                INSERT INTO api_token (id, person, role, created, revoked, hash)
                VALUES (\(token.id), \(token.person), \(token.role.rawValue), \(token.created), \(token.revoked), \(hash))
                """, logger: logger)
        }
    }

    public func token(id: String, hash: String) async throws -> APIToken? {
        try await run("check the token") {
            try await fetch("SELECT * FROM api_token WHERE id = \(id) AND hash = \(hash) AND NOT revoked", logger: logger).first
                .map(Self.token)
        }
    }

    public func tokens(of person: String) async throws -> [APIToken] {
        try await run("list tokens") {
            try await fetch("SELECT * FROM api_token WHERE person = \(person) ORDER BY created", logger: logger).map(Self.token)
        }
    }

    public func revokeToken(id: String) async throws -> Bool {
        try await run("revoke the token") {
            try await fetch("UPDATE api_token SET revoked = true WHERE id = \(id) AND NOT revoked RETURNING id", logger: logger).count
                > 0
        }
    }

    public func record(_ review: Review) async throws -> Review {
        try await run("record the review") {
            try await withTransaction { connection in
                var stored = review
                stored.id =
                    try await connection.fetch(
                        """
                        INSERT INTO review (job, target, action, before, after, note, reviewer, at)
                        VALUES (\(review.job), \(review.target.text), \(review.action.rawValue), \(review.before), \(review.after), \(review.note),
                            \(review.reviewer), \(review.at))
                        RETURNING id
                        """, logger: logger
                    ).first?.value("id", as: Int64.self) ?? 0
                try await Self.insert(review.auditEntry, connection, logger: logger)
                return stored
            }
        }
    }

    public func reviews(ofJob job: String) async throws -> [Review] {
        try await run("list reviews") {
            try await fetch("SELECT * FROM review WHERE job = \(job) ORDER BY id", logger: logger).compactMap { row in
                guard let target = Review.Target(text: try row.value("target")), let action = Review.Action(rawValue: try row.value("action")) else {
                    return nil
                }
                return Review(
                    id: try row.value("id"), job: try row.value("job"), target: target, action: action, before: try row.value("before"),
                    after: try row.value("after"), note: try row.value("note"), reviewer: try row.value("reviewer"), at: try row.value("at"))
            }
        }
    }

    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditEntry {
        try await run("append to the audit log") {
            try await withConnection { connection in try await Self.insert(entry, connection, logger: logger) }
        }
    }

    public func auditLog(subject: String?, actor: String?, limit: Int) async throws -> [AuditEntry] {
        try await run("read the audit log") {
            try await fetch(
                """
                SELECT * FROM audit_entry WHERE (\(subject)::text IS NULL OR subject = \(subject)) AND (\(actor)::text IS NULL OR actor = \(actor))
                ORDER BY id LIMIT \(limit)
                """, logger: logger
            ).map { row in
                AuditEntry(
                    id: try row.value("id"), at: try row.value("at"), actor: try row.value("actor"), action: try row.value("action"),
                    subject: try row.value("subject"), detail: try row.value("detail"), before: try row.value("before"),
                    after: try row.value("after"), note: try row.value("note"))
            }
        }
    }

    @discardableResult
    static func insert(_ entry: AuditEntry, _ connection: PostgresConnection, logger: Logger) async throws -> AuditEntry {
        var stored = entry
        stored.id =
            try await connection.fetch(
                """
                INSERT INTO audit_entry (at, actor, action, subject, detail, before, after, note)
                VALUES (\(entry.at), \(entry.actor), \(entry.action), \(entry.subject), \(entry.detail), \(entry.before), \(entry.after), \(entry.note))
                RETURNING id
                """, logger: logger
            ).first?.value("id", as: Int64.self) ?? 0
        return stored
    }

    static func person(_ row: PostgresRandomAccessRow) throws -> Person {
        Person(
            name: try row.value("name"), role: Role(rawValue: try row.value("role")) ?? .viewer, added: try row.value("added"),
            passwordHash: try row.value("password_hash"))
    }

    static func token(_ row: PostgresRandomAccessRow) throws -> APIToken {
        APIToken(
            id: try row.value("id"), person: try row.value("person"), role: Role(rawValue: try row.value("role")) ?? .viewer,
            created: try row.value("created"), revoked: try row.value("revoked"))
    }
}
