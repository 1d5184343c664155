public import CrosscheckKit
public import Foundation
import PostgresNIO

/// Polled sources and earlier fact-checks, in the shared store.
extension PostgresStore {
    public func save(_ source: SourceRecord) async throws {
        try await run("save the source") {
            try await fetch(
                """
                INSERT INTO source (name, url, kind, every, etag, last_modified, last_polled, last_result, failures, next_poll)
                VALUES (\(source.name), \(source.url), \(source.kind.rawValue), \(source.every), \(source.etag), \(source.lastModified),
                    \(source.lastPolled), \(source.lastResult), \(source.failures), \(source.nextPoll))
                ON CONFLICT (name) DO UPDATE SET url = excluded.url, kind = excluded.kind, every = excluded.every,
                    etag = excluded.etag, last_modified = excluded.last_modified, last_polled = excluded.last_polled,
                    last_result = excluded.last_result, failures = excluded.failures, next_poll = excluded.next_poll
                """, logger: logger)
        }
    }

    public func sources() async throws -> [SourceRecord] {
        try await run("list sources") {
            try await fetch("SELECT * FROM source ORDER BY name", logger: logger).map(Self.source)
        }
    }

    static func source(_ row: PostgresRandomAccessRow) throws -> SourceRecord {
        SourceRecord(
            name: try row.value("name"), url: try row.value("url"), kind: SourceRecord.Kind(rawValue: try row.value("kind")) ?? .page,
            every: try row.value("every"), etag: try row.value("etag"), lastModified: try row.value("last_modified"),
            lastPolled: try row.value("last_polled"), lastResult: try row.value("last_result"), failures: try row.value("failures"),
            nextPoll: try row.value("next_poll"))
    }

    public func removeSource(named name: String) async throws -> Bool {
        try await run("remove the source") {
            try await fetch("DELETE FROM source WHERE name = \(name) RETURNING name", logger: logger).count > 0
        }
    }

    public func claimPoll(of name: String, worker: String, lease: Duration, now: Date) async throws -> SourceRecord? {
        try await run("take the source's poll") {
            guard let row = try await fetch("SELECT * FROM source WHERE name = \(name)", logger: logger).first else { return nil }
            let source = try Self.source(row)
            guard source.isDue(at: now) else { return nil }
            let clock = now.timeIntervalSince1970
            // One statement: of two workers racing, the second finds the lease taken (or the source polled).
            let taken = try await fetch(
                """
                UPDATE source SET poll_lease_holder = \(worker), poll_lease_until = \(clock + lease.inSeconds)
                WHERE name = \(name) AND next_poll IS NOT DISTINCT FROM \(source.nextPoll)
                    AND (poll_lease_until IS NULL OR poll_lease_until <= \(clock) OR poll_lease_holder = \(worker))
                RETURNING name
                """, logger: logger
            )
            return taken.isEmpty ? nil : source
        }
    }

    // MARK: Fact-checks

    public func add(_ factChecks: [FactCheck]) async throws -> Int {
        try await run("store fact-checks") {
            try await withTransaction { connection in
                // Positions keep the import order; the lock keeps two importers from sharing one.
                try await connection.fetch("LOCK TABLE fact_check IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                var position =
                    try await connection.fetch("SELECT COALESCE(MAX(position), 0) AS top FROM fact_check", logger: logger).first?
                    .value("top", as: Int.self) ?? 0
                var added = 0
                for check in factChecks {
                    let inserted =
                        try await connection.fetch(
                            """
                            INSERT INTO fact_check (id, claim, title, subtitle, rating, url, date, publisher, claimant, position)
                            VALUES (\(check.id), \(check.claim), \(check.title), \(check.subtitle), \(check.rating), \(check.url), \(check.date),
                                \(check.publisher), \(check.claimant), \(position + 1))
                            ON CONFLICT (id) DO UPDATE SET claim = excluded.claim, title = excluded.title, subtitle = excluded.subtitle,
                                rating = excluded.rating, url = excluded.url, date = excluded.date, publisher = excluded.publisher,
                                claimant = excluded.claimant
                            RETURNING (xmax = 0) AS inserted
                            """, logger: logger
                        ).first?.value("inserted", as: Bool.self) ?? false
                    if inserted {
                        added += 1
                        position += 1
                    }
                }
                return added
            }
        }
    }

    public func factChecks() async throws -> [FactCheck] {
        try await run("list fact-checks") {
            try await fetch("SELECT * FROM fact_check ORDER BY position", logger: logger).map { row in
                FactCheck(
                    id: try row.value("id"), claim: try row.value("claim"), title: try row.value("title"), subtitle: try row.value("subtitle"),
                    rating: try row.value("rating"), url: try row.value("url"), date: try row.value("date"), publisher: try row.value("publisher"),
                    claimant: try row.value("claimant"))
            }
        }
    }

    public func removeFactCheck(id: String) async throws -> Bool {
        try await run("remove the fact-check") {
            try await fetch("DELETE FROM fact_check WHERE id = \(id) RETURNING id", logger: logger).count > 0
        }
    }
}
