public import CrosscheckKit
import Foundation
import PostgresNIO

/// Passage search on the shared store: this machine's posting index, plus PostgreSQL's full-text
/// index for passages added since it was built (and for everything before one is).
extension PostgresStore {
    public func search(_ query: PassageQuery) async throws -> [PassageHit] {
        try await prepared()
        if let index { return try await run("search passages") { try await indexedSearch(query, index: index) } }
        return try await run("search passages") { try await fullTextSearch(query) }
    }

    /// Candidates from the posting index and the passages newer than it, scored alike; then the
    /// query's filters on their documents.
    func indexedSearch(_ query: PassageQuery, index: PostingIndex) async throws -> [PassageHit] {
        let terms = RetrievalTerms.terms(query.text)
        guard !terms.isEmpty else { return [] }
        let filtered = query.since != nil || query.until != nil || query.source != nil
        let firstCut = filtered ? max(query.limit * 50, 1000) : query.limit
        var candidates = index.search(terms: terms, limit: firstCut).map { (rowID: $0.rowID, score: Double($0.score)) }
        let match = TermQuery.anyOf(rarest(terms, index: index))
        if !match.isEmpty {
            let fresh = try await fetch(
                """
                SELECT passage.id, passage.text, document.title FROM passage JOIN document ON document.id = passage.document_id
                WHERE passage.id > \(index.maxRowID) AND passage.terms @@ to_tsquery('simple', \(match)) LIMIT 5000
                """, logger: logger)
            for row in fresh {
                let passage = RetrievalTerms.passageTerms(text: try row.value("text"), title: try row.value("title"))
                candidates.append((try row.value("id"), Double(index.score(query: terms, passage: passage))))
            }
        }
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.rowID < $1.rowID) }
        let ids = candidates.prefix(firstCut).map(\.rowID)
        guard !ids.isEmpty else { return [] }
        let scores = Dictionary(candidates.map { ($0.rowID, $0.score) }, uniquingKeysWith: { max($0, $1) })
        var hits = try await hits(where: "passage.id = ANY($1)", ids, query: query).map { hit, id in
            var scored = hit
            scored.score = scores[id] ?? 0
            return scored
        }
        hits.sort { a, b in a.score > b.score || (a.score == b.score && a.documentID < b.documentID) }
        return Array(hits.prefix(query.limit))
    }

    public func passages(after rowID: Int64, limit: Int) async throws -> [StoredPassage] {
        try await prepared()
        let limit = max(0, limit)
        return try await run("read passages") {
            let rows = try await fetch(
                """
                SELECT passage.id, passage.text, document.title FROM passage JOIN document ON document.id = passage.document_id
                WHERE passage.id > \(rowID) ORDER BY passage.id LIMIT \(limit)
                """, logger: logger)
            return try rows.map { row -> StoredPassage in
                let id: Int64 = try row.value("id")
                let text: String = try row.value("text")
                let title: String? = try row.value("title")
                return StoredPassage(rowID: id, text: text, title: title)
            }
        }
    }

    public func passages(rowIDs: [Int64], scoredFor query: PassageQuery) async throws -> [PassageHit] {
        try await prepared()
        guard !rowIDs.isEmpty else { return [] }
        let index = self.index
        let terms = RetrievalTerms.terms(query.text)
        let found = try await run("read passages") { try await self.hits(where: "passage.id = ANY($1)", rowIDs, query: query) }
        var scored: [Int64: PassageHit] = [:]
        for (hit, id) in found {
            var hit = hit
            let passage = RetrievalTerms.passageTerms(text: hit.passage.text, title: hit.title)
            if let index { hit.score = Double(index.score(query: terms, passage: passage)) }
            scored[id] = hit
        }
        return rowIDs.compactMap { scored.removeValue(forKey: $0) }
    }

    /// Beside this machine's posting index for the store.
    public func denseIndexPath() async throws -> String? {
        let path = try await indexPath()
        return (path.hasSuffix(".index") ? String(path.dropLast(6)) : path) + ".dense"
    }

    /// The query's terms, rarest first by the index's statistics, without the very common ones
    /// when rarer ones remain (as the embedded store asks FTS5).
    func rarest(_ terms: [String], index: PostingIndex) -> [String] {
        var seen: Set<String> = []
        var weighted: [(term: String, idf: Double)] = []
        for term in terms where seen.insert(term).inserted {
            weighted.append((term, index.inverseDocumentFrequency(term)))
        }
        weighted.sort { $0.idf > $1.idf || ($0.idf == $1.idf && $0.term < $1.term) }
        // Terms in more than about a fifth of the passages are dropped while rarer ones remain.
        let common = log(1 + 4.0)
        let rare = weighted.filter { $0.idf > common }
        return (rare.count >= 2 ? rare : weighted).map { $0.term }
    }

    /// Search with PostgreSQL's full-text index alone, ranked by `ts_rank` (before a posting index is built).
    func fullTextSearch(_ query: PassageQuery) async throws -> [PassageHit] {
        let match = TermQuery.anyOf(RetrievalTerms.terms(query.text))
        guard !match.isEmpty else { return [] }
        var sql = """
            SELECT passage.id, passage.document_id, passage.ordinal, passage.start, passage."end", passage.text,
                ts_rank(passage.terms, to_tsquery('simple', $1)) AS rank, document.external_id, document.title, document.url,
                document.source, document.published, document.retrieved
            FROM passage JOIN document ON document.id = passage.document_id
            WHERE passage.terms @@ to_tsquery('simple', $1)
            """
        var bindings = PostgresBindings()
        bindings.append(match)
        Self.appendFilters(query, to: &sql, bindings: &bindings)
        sql += " ORDER BY rank DESC, passage.id LIMIT $\(bindings.count + 1)"
        bindings.append(query.limit)
        let rows = try await fetch(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        return try rows.map { row in try Self.hit(row, score: Double(try row.value("rank", as: Float.self))) }
    }

    /// The passages `ids` with their documents, filtered by the query; each with its id.
    func hits(where condition: String, _ ids: [Int64], query: PassageQuery) async throws -> [(PassageHit, Int64)] {
        var sql = """
            SELECT passage.id, passage.document_id, passage.ordinal, passage.start, passage."end", passage.text,
                document.external_id, document.title, document.url, document.source, document.published, document.retrieved
            FROM passage JOIN document ON document.id = passage.document_id
            WHERE \(condition)
            """
        var bindings = PostgresBindings()
        bindings.append(ids)
        Self.appendFilters(query, to: &sql, bindings: &bindings)
        let rows = try await fetch(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        return try rows.map { row in (try Self.hit(row, score: 0), try row.value("id", as: Int64.self)) }
    }

    /// Adds the query's date and source filters (on the joined `document` table) to `sql`.
    static func appendFilters(_ query: PassageQuery, to sql: inout String, bindings: inout PostgresBindings) {
        if let since = query.since {
            bindings.append(since.timeIntervalSince1970)
            sql += " AND document.published_at >= $\(bindings.count)"
        }
        if let until = query.until {
            bindings.append(until.timeIntervalSince1970)
            sql += " AND document.published_at < $\(bindings.count)"
        }
        if let source = query.source {
            bindings.append(source)
            sql += " AND document.source = $\(bindings.count)"
        }
    }

    static func hit(_ row: PostgresRandomAccessRow, score: Double) throws -> PassageHit {
        let documentID: Int64 = try row.value("document_id")
        let externalID: String? = try row.value("external_id")
        return PassageHit(
            documentID: documentID, documentKey: externalID ?? String(documentID),
            passage: PassageSpan(
                ordinal: try row.value("ordinal"), start: try row.value("start"), end: try row.value("end"), text: try row.value("text")),
            score: score, title: try row.value("title"), url: try row.value("url"), source: try row.value("source"),
            published: try row.value("published"), retrieved: try row.value("retrieved"))
    }

    // MARK: The posting index

    public func passagesNotIndexed() async throws -> Int {
        try await prepared()
        let covered = index?.maxRowID ?? 0
        return try await run("count passages") { try await count("SELECT COUNT(*) FROM passage WHERE id > \(covered)") }
    }

    /// Rebuilds this machine's posting index from every passage in the shared store.
    /// - Returns: The number of passages indexed.
    @discardableResult
    public func rebuildIndex() async throws -> Int {
        let path = try await indexPath()
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var builder = PostingIndexBuilder()
        var last: Int64 = 0
        while true {
            let after = last
            let rows = try await run("read passages") {
                try await fetch(
                    """
                    SELECT passage.id, passage.text, document.title FROM passage JOIN document ON document.id = passage.document_id
                    WHERE passage.id > \(after) ORDER BY passage.id LIMIT 20000
                    """, logger: logger
                ).map { row in (try row.value("id", as: Int64.self), try row.value("text", as: String.self), try row.value("title", as: String?.self))
                }
            }
            if rows.isEmpty { break }
            for (id, text, title) in rows {
                builder.add(rowID: id, terms: RetrievalTerms.passageTerms(text: text, title: title))
                last = id
            }
        }
        try builder.write(to: path)
        setIndex(try PostingIndex(path: path))
        return builder.count
    }

    public func ensureIndex() async throws {
        if index == nil { try await rebuildIndex() } else { try await refreshIndexIfStale() }
    }

    /// Rebuilds the index when ``PostingIndex/isStale(missing:indexed:)`` says so.
    @discardableResult
    public func refreshIndexIfStale() async throws -> Bool {
        guard PostingIndex.isStale(missing: try await passagesNotIndexed(), indexed: index?.passages ?? 0) else { return false }
        try await rebuildIndex()
        return true
    }
}
