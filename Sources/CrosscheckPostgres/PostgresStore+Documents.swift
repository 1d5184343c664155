public import CrosscheckKit
import Foundation
import PostgresNIO

/// Documents, passages and their search, in the shared store.
extension PostgresStore {
    public func add(_ document: EvidenceDocument) async throws -> AddOutcome {
        try await add([document])[0]
    }

    /// Adds documents in one transaction; the outcome of each, in order.
    public func add(_ documents: [EvidenceDocument]) async throws -> [AddOutcome] {
        let prepared = documents.map { ($0, $0.contentHash, $0.fingerprint, $0.passages) }
        return try await run("store documents") {
            try await withTransaction { connection in
                var outcomes: [AddOutcome] = []
                for (document, hash, fingerprint, passages) in prepared {
                    outcomes.append(
                        try await Self.insert(connection, document, hash: hash, fingerprint: fingerprint, passages: passages, logger: logger))
                }
                return outcomes
            }
        }
    }

    static func insert(
        _ connection: PostgresConnection, _ document: EvidenceDocument, hash: String, fingerprint: UInt64, passages: [PassageSpan],
        logger: Logger
    ) async throws -> AddOutcome {
        if let existing = try await connection.fetch("SELECT id FROM document WHERE content_hash = \(hash)", logger: logger)
            .first?.value("id", as: Int64.self)
        {
            return .duplicate(of: existing)
        }
        let bands = SimHash.bands(fingerprint).map(Int64.init)
        let candidates = try await connection.fetch(
            """
            SELECT id, fingerprint FROM document
            WHERE band0 = \(bands[0]) OR band1 = \(bands[1]) OR band2 = \(bands[2]) OR band3 = \(bands[3])
            """, logger: logger)
        for row in candidates {
            let other: Int64 = try row.value("fingerprint")
            if SimHash.distance(UInt64(bitPattern: other), fingerprint) <= SimHash.nearDuplicateDistance {
                return .nearDuplicate(of: try row.value("id"))
            }
        }
        let publishedAt = document.published.flatMap(DateNormalizer.date)?.timeIntervalSince1970
        // Two workers storing the same page at once: one insert wins, the other finds it.
        let inserted = try await connection.fetch(
            """
            INSERT INTO document (external_id, source, url, title, publisher, published, published_at, retrieved, language, text,
                content_hash, fingerprint, band0, band1, band2, band3)
            VALUES (\(document.externalID), \(document.source), \(document.url), \(document.title), \(document.publisher),
                \(document.published), \(publishedAt), \(document.retrieved), \(document.language), \(document.text), \(hash),
                \(Int64(bitPattern: fingerprint)), \(bands[0]), \(bands[1]), \(bands[2]), \(bands[3]))
            ON CONFLICT (content_hash) DO NOTHING RETURNING id
            """, logger: logger
        ).first?.value("id", as: Int64.self)
        guard let id = inserted else {
            let existing = try await connection.fetch("SELECT id FROM document WHERE content_hash = \(hash)", logger: logger)
                .first?.value("id", as: Int64.self)
            return .duplicate(of: existing ?? 0)
        }
        try await insertPassages(connection, document: id, title: document.title, passages: passages, logger: logger)
        return .added(id: id, passages: passages.count)
    }

    /// Inserts a document's passages in one statement, each with its retrieval terms.
    static func insertPassages(
        _ connection: PostgresConnection, document id: Int64, title: String?, passages: [PassageSpan], ids: [Int64]? = nil, logger: Logger
    ) async throws {
        guard !passages.isEmpty else { return }
        let ordinals = passages.map { Int64($0.ordinal) }
        let starts = passages.map { Int64($0.start) }
        let ends = passages.map { Int64($0.end) }
        let texts = passages.map(\.text)
        let terms = passages.map { TermQuery.lexemes(RetrievalTerms.passageTerms(text: $0.text, title: title)).joined(separator: " ") }
        if let ids {
            try await connection.fetch(
                """
                INSERT INTO passage (id, document_id, ordinal, start, "end", text, terms)
                SELECT p.id, \(id), p.ordinal, p.start, p.finish, p.text, array_to_tsvector(string_to_array(p.terms, ' '))
                FROM unnest(\(ids)::bigint[], \(ordinals)::bigint[], \(starts)::bigint[], \(ends)::bigint[], \(texts)::text[], \(terms)::text[])
                    AS p (id, ordinal, start, finish, text, terms)
                ON CONFLICT (id) DO NOTHING
                """, logger: logger)
        } else {
            try await connection.fetch(
                """
                INSERT INTO passage (document_id, ordinal, start, "end", text, terms)
                SELECT \(id), p.ordinal, p.start, p.finish, p.text, array_to_tsvector(string_to_array(p.terms, ' '))
                FROM unnest(\(ordinals)::bigint[], \(starts)::bigint[], \(ends)::bigint[], \(texts)::text[], \(terms)::text[])
                    AS p (ordinal, start, finish, text, terms)
                """, logger: logger)
        }
    }

    public func inverseDocumentFrequencies(of terms: [String]) async throws -> [String: Double] {
        try await prepared()
        if let index { return Dictionary(terms.map { ($0, index.inverseDocumentFrequency($0)) }, uniquingKeysWith: { a, _ in a }) }
        // Before an index is built: passage counts from the full-text index.
        return try await run("count passages") {
            let total = Double(max(try await count("SELECT COUNT(*) FROM passage"), 1))
            var result: [String: Double] = [:]
            for term in Set(terms) {
                let lexeme = TermQuery.lexeme(term)
                let n = lexeme.isEmpty ? 0 : Double(try await count("SELECT COUNT(*) FROM passage WHERE terms @@ to_tsquery('simple', \(lexeme))"))
                result[term] = log(1 + (total - n + 0.5) / (n + 0.5))
            }
            return result
        }
    }

    /// The single integer a query returns.
    func count(_ query: PostgresQuery) async throws -> Int {
        try await fetch(query, logger: logger).first?.value("count", as: Int.self) ?? 0
    }

    public func document(id: Int64) async throws -> StoredDocument? {
        try await run("read a document") {
            guard let row = try await fetch("SELECT * FROM document WHERE id = \(id)", logger: logger).first else { return nil }
            var passages: [PassageSpan] = []
            let rows = try await fetch(
                "SELECT ordinal, start, \"end\", text FROM passage WHERE document_id = \(id) ORDER BY ordinal", logger: logger)
            for row in rows {
                passages.append(
                    PassageSpan(
                        ordinal: try row.value("ordinal"), start: try row.value("start"), end: try row.value("end"), text: try row.value("text")))
            }
            return StoredDocument(id: id, document: try Self.document(row), contentHash: try row.value("content_hash"), passages: passages)
        }
    }

    static func document(_ row: PostgresRandomAccessRow) throws -> EvidenceDocument {
        EvidenceDocument(
            externalID: try row.value("external_id"), source: try row.value("source"), url: try row.value("url"),
            title: try row.value("title"), publisher: try row.value("publisher"), published: try row.value("published"),
            retrieved: try row.value("retrieved"), language: try row.value("language"), text: try row.value("text"))
    }

    public func contains(url: String) async throws -> Bool {
        try await run("look up a document") { try await count("SELECT COUNT(*) FROM document WHERE url = \(url)") > 0 }
    }

    public func newestRetrieved() async throws -> String? {
        try await run("read the newest document") {
            try await fetch("SELECT MAX(retrieved) AS newest FROM document", logger: logger).first?.value("newest", as: String?.self) ?? nil
        }
    }

    public func statistics() async throws -> StoreStatistics {
        try await run("count what it holds") {
            StoreStatistics(
                documents: try await count("SELECT COUNT(*) FROM document"), passages: try await count("SELECT COUNT(*) FROM passage"),
                sources: try await count("SELECT COUNT(*) FROM source"), factChecks: try await count("SELECT COUNT(*) FROM fact_check"),
                newestRetrieved: try await newestRetrieved())
        }
    }
}

/// Retrieval terms as PostgreSQL full-text lexemes and queries: letters and digits only, so the
/// `simple` configuration keeps each term whole.
enum TermQuery {
    static func lexeme(_ term: String) -> String {
        String(term.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
            .lowercased()
    }

    static func lexemes(_ terms: [String]) -> [String] {
        terms.map(lexeme).filter { !$0.isEmpty }
    }

    /// `a | b | c` over the distinct lexemes of `terms`, at most `limit` of them.
    static func anyOf(_ terms: [String], limit: Int = 8) -> String {
        var seen: Set<String> = []
        return lexemes(terms).filter { seen.insert($0).inserted }.prefix(limit).joined(separator: " | ")
    }
}
