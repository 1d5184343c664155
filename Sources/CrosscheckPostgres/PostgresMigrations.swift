import CrosscheckKit
import Foundation
import Logging
import PostgresNIO

/// The shared store's schema, as numbered migrations applied in order and recorded in
/// `schema_version`. Processes starting together take an advisory lock, so one migrates and the
/// others wait and find the work done.
enum PostgresMigrations {
    /// Each migration: its version, what it adds, and its statements.
    static let all: [(version: Int, name: String, statements: [String])] = [
        (
            1, "sources, documents, passages, fact-checks",
            [
                """
                CREATE TABLE store_identity (id text PRIMARY KEY)
                """,
                """
                INSERT INTO store_identity (id) VALUES (md5(random()::text || clock_timestamp()::text))
                """,
                """
                CREATE TABLE source (
                    name text PRIMARY KEY, url text NOT NULL, kind text NOT NULL, every integer NOT NULL, etag text,
                    last_modified text, last_polled text, last_result text, failures integer NOT NULL DEFAULT 0, next_poll text,
                    poll_lease_holder text, poll_lease_until double precision)
                """,
                """
                CREATE TABLE document (
                    id bigserial PRIMARY KEY, external_id text, source text NOT NULL, url text, title text, publisher text,
                    published text, published_at double precision, retrieved text NOT NULL, language text, text text NOT NULL,
                    content_hash text NOT NULL UNIQUE, fingerprint bigint NOT NULL,
                    band0 bigint NOT NULL, band1 bigint NOT NULL, band2 bigint NOT NULL, band3 bigint NOT NULL)
                """,
                "CREATE INDEX document_source ON document (source)",
                "CREATE INDEX document_url ON document (url)",
                "CREATE INDEX document_published_at ON document (published_at)",
                "CREATE INDEX document_band0 ON document (band0)",
                "CREATE INDEX document_band1 ON document (band1)",
                "CREATE INDEX document_band2 ON document (band2)",
                "CREATE INDEX document_band3 ON document (band3)",
                """
                CREATE TABLE passage (
                    id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                    ordinal integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL, text text NOT NULL,
                    terms tsvector NOT NULL)
                """,
                "CREATE INDEX passage_document ON passage (document_id)",
                "CREATE INDEX passage_terms ON passage USING gin (terms)",
                """
                CREATE TABLE fact_check (
                    id text PRIMARY KEY, claim text NOT NULL, title text, subtitle text, rating text, url text, date text,
                    publisher text, claimant text, position bigint NOT NULL)
                """,
            ]
        ),
        (
            2, "analysis jobs with leases",
            [
                """
                CREATE TABLE analysis_job (
                    id text PRIMARY KEY, state text NOT NULL, submitted text NOT NULL, started text, finished text,
                    attempts integer NOT NULL DEFAULT 0, error text, name text NOT NULL, url text, content_type text,
                    data bytea NOT NULL, report bytea, position bigserial NOT NULL, worker text, lease_until timestamptz,
                    not_before timestamptz)
                """,
                "CREATE INDEX analysis_job_position ON analysis_job (position)",
                "CREATE INDEX analysis_job_waiting ON analysis_job (position) WHERE state IN ('queued', 'running')",
                "CREATE INDEX analysis_job_state ON analysis_job (state, position)",
                "CREATE INDEX analysis_job_url ON analysis_job (url, position)",
            ]
        ),
        (
            3, "people, tokens, reviews, audit log",
            [
                "CREATE TABLE person (name text PRIMARY KEY, role text NOT NULL, added text NOT NULL, password_hash text)",
                """
                CREATE TABLE api_token (
                    id text PRIMARY KEY, person text NOT NULL, role text NOT NULL, created text NOT NULL,
                    revoked boolean NOT NULL DEFAULT false, hash text NOT NULL)
                """,
                "CREATE INDEX api_token_person ON api_token (person)",
                """
                CREATE TABLE review (
                    id bigserial PRIMARY KEY, job text NOT NULL, target text NOT NULL, action text NOT NULL, before text NOT NULL,
                    after text NOT NULL, note text NOT NULL, reviewer text NOT NULL, at text NOT NULL)
                """,
                "CREATE INDEX review_job ON review (job)",
                """
                CREATE TABLE audit_entry (
                    id bigserial PRIMARY KEY, at text NOT NULL, actor text NOT NULL, action text NOT NULL, subject text NOT NULL,
                    detail text, before text, after text, note text)
                """,
                "CREATE INDEX audit_entry_actor ON audit_entry (actor)",
                "CREATE INDEX audit_entry_subject ON audit_entry (subject)",
                // Append-only: the database itself refuses to change or remove an entry.
                """
                CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """,
                """
                CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
                FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
                """,
            ]
        ),
        (
            4, "copies from an embedded store, resumable",
            [
                "CREATE TABLE migration_progress (item text PRIMARY KEY, last_id bigint NOT NULL, copied bigint NOT NULL)"
            ]
        ),
    ]

    /// Applies the migrations this database lacks; returns the store's identity.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> StoreIdentity {
        try await connection.withTransaction(logger: logger) { connection in
            // One migrator at a time, across every process sharing the database.
            try await connection.fetch("SELECT pg_advisory_xact_lock(7263012345)", logger: logger)
            try await connection.fetch(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            var applied: Set<Int> = []
            for row in try await connection.fetch("SELECT version FROM schema_version", logger: logger) {
                applied.insert(try row.value("version"))
            }
            if let newest = applied.max(), newest > all.last!.version {
                throw CrosscheckError(
                    .storeFailed,
                    "this store was migrated by a newer crosscheck (schema version \(newest), this one knows \(all.last!.version)); upgrade crosscheck"
                )
            }
            for migration in all where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.fetch(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.fetch(
                    "INSERT INTO schema_version (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
                logger.info("store migrated", metadata: ["version": "\(migration.version)", "migration": "\(migration.name)"])
            }
            let identity = try await connection.fetch("SELECT id FROM store_identity", logger: logger).first?.value("id", as: String.self)
            return StoreIdentity(id: identity ?? "unknown")
        }
    }
}
