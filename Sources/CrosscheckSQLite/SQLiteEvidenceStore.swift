public import CrosscheckKit
public import Foundation
import GRDB

/// The embedded evidence store: one SQLite file (WAL mode) with FTS5/BM25 over passages.
///
/// Each batch of documents is written in one transaction, so a crash mid-import never leaves a
/// document without its passages. Searches go through the memory-mapped posting index beside the
/// file when one is built (``rebuildIndex()``), and through FTS5 for passages newer than it; FTS5
/// is asked only for the query's rarest terms, which keeps common words from scanning its index.
public final class SQLiteEvidenceStore: EvidenceStore, @unchecked Sendable {
    let pool: DatabasePool
    /// The passage index file beside the database.
    public let indexPath: String
    private let indexLock = NSLock()
    private var loadedIndex: PostingIndex?

    /// The posting index, when one has been built.
    var index: PostingIndex? {
        indexLock.withLock { loadedIndex }
    }

    /// Opens (creating and migrating when needed) the store at `path`.
    /// - Throws: ``CrosscheckError`` when the file cannot be opened as a store.
    public init(path: String) throws {
        if let scheme = path.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) {
            throw CrosscheckError(
                .invalidArgument,
                "\(path) is an address (\(path[scheme])), but this store is a SQLite file; give a file path", adjustment: .storeFile)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        configuration.busyMode = .timeout(10)
        indexPath = path + ".index"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try StoreMigrations.migrator.migrate(pool)
            loadedIndex = FileManager.default.fileExists(atPath: indexPath) ? try? PostingIndex(path: indexPath) : nil
        } catch {
            throw CrosscheckError(
                .storeFailed, "cannot open the store at \(path) (\(error)); check the path, or use a new store file", adjustment: .storeFile,
                cause: error)
        }
    }

    // MARK: Documents

    public func add(_ document: EvidenceDocument) async throws -> AddOutcome {
        try await add([document])[0]
    }

    /// Adds documents in one transaction; the outcome of each, in order.
    public func add(_ documents: [EvidenceDocument]) async throws -> [AddOutcome] {
        let prepared = documents.map { ($0, $0.contentHash, $0.fingerprint, $0.passages) }
        return try await pool.write { db in
            var outcomes: [AddOutcome] = []
            for (document, hash, fingerprint, passages) in prepared {
                outcomes.append(try Self.insert(db, document, hash: hash, fingerprint: fingerprint, passages: passages))
            }
            return outcomes
        }
    }

    static func insert(_ db: Database, _ document: EvidenceDocument, hash: String, fingerprint: UInt64, passages: [PassageSpan]) throws
        -> AddOutcome
    {
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE contentHash = ?", arguments: [hash]) {
            return .duplicate(of: existing)
        }
        let bands = SimHash.bands(fingerprint)
        let candidates = try Row.fetchAll(
            db, sql: "SELECT id, fingerprint FROM document WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ?",
            arguments: [bands[0], bands[1], bands[2], bands[3]])
        for row in candidates {
            let other = UInt64(bitPattern: row["fingerprint"] as Int64)
            if SimHash.distance(other, fingerprint) <= SimHash.nearDuplicateDistance { return .nearDuplicate(of: row["id"]) }
        }
        let publishedAt = document.published.flatMap(DateNormalizer.date)?.timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO document (externalId, source, url, title, publisher, published, publishedAt, retrieved, language,
                    text, contentHash, fingerprint, band0, band1, band2, band3)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                document.externalID, document.source, document.url, document.title, document.publisher, document.published,
                publishedAt, document.retrieved, document.language, document.text, hash, Int64(bitPattern: fingerprint),
                bands[0], bands[1], bands[2], bands[3],
            ])
        let id = db.lastInsertedRowID
        let statement = try db.cachedStatement(
            sql: "INSERT INTO passage (documentId, ordinal, start, \"end\", text) VALUES (?, ?, ?, ?, ?)")
        for passage in passages {
            try statement.execute(arguments: [id, passage.ordinal, passage.start, passage.end, passage.text])
        }
        return .added(id: id, passages: passages.count)
    }

    public func inverseDocumentFrequencies(of terms: [String]) async throws -> [String: Double] {
        if let index { return Dictionary(terms.map { ($0, index.inverseDocumentFrequency($0)) }, uniquingKeysWith: { a, _ in a }) }
        // Before an index is built: passage counts from the FTS5 vocabulary.
        return try await pool.read { db in
            let total = Double(max(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passage") ?? 1, 1))
            var result: [String: Double] = [:]
            for term in Set(terms) {
                let n = Double(try Int.fetchOne(db, sql: "SELECT doc FROM passageVocab WHERE term = ?", arguments: [term]) ?? 0)
                result[term] = log(1 + (total - n + 0.5) / (n + 0.5))
            }
            return result
        }
    }

    public func document(id: Int64) async throws -> StoredDocument? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id]) else { return nil }
            let passages = try Row.fetchAll(
                db, sql: "SELECT ordinal, start, \"end\", text FROM passage WHERE documentId = ? ORDER BY ordinal", arguments: [id]
            ).map { PassageSpan(ordinal: $0["ordinal"], start: $0["start"], end: $0["end"], text: $0["text"]) }
            return StoredDocument(id: id, document: Self.document(row), contentHash: row["contentHash"], passages: passages)
        }
    }

    static func document(_ row: Row) -> EvidenceDocument {
        EvidenceDocument(
            externalID: row["externalId"], source: row["source"], url: row["url"], title: row["title"], publisher: row["publisher"],
            published: row["published"], retrieved: row["retrieved"], language: row["language"], text: row["text"])
    }

    public func contains(url: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE url = ?)", arguments: [url]) ?? false
        }
    }

    public func newestRetrieved() async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(retrieved) FROM document") }
    }

    public func statistics() async throws -> StoreStatistics {
        try await pool.read { db in
            StoreStatistics(
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                passages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passage") ?? 0,
                sources: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source") ?? 0,
                factChecks: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM factCheck") ?? 0,
                newestRetrieved: try String.fetchOne(db, sql: "SELECT MAX(retrieved) FROM document"))
        }
    }

    // MARK: Search

    public func search(_ query: PassageQuery) async throws -> [PassageHit] {
        if let index { return try await indexedSearch(query, index: index) }
        return try await ftsSearch(query)
    }

    /// Search through the posting index, plus FTS5 for passages newer than the index.
    func indexedSearch(_ query: PassageQuery, index: PostingIndex) async throws -> [PassageHit] {
        let terms = RetrievalTerms.terms(query.text)
        let words = RetrievalTerms.terms(query.text, stem: false)
        guard !terms.isEmpty else { return [] }
        let filtered = query.since != nil || query.until != nil || query.source != nil
        let firstCut = filtered ? max(query.limit * 50, 1000) : query.limit
        var candidates = index.search(terms: terms, limit: firstCut).map { (rowID: $0.rowID, score: Double($0.score)) }
        let rows: [Row] = try await pool.read { db in
            // Passages added since the index was built, scored with the index's statistics.
            let hasFresh = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM passage WHERE id > ?)", arguments: [index.maxRowID]) ?? false
            let match = hasFresh ? try Self.matchExpression(db, words: words) : ""
            if !match.isEmpty {
                let fresh = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT fresh.rowid, fresh.text, document.title
                        FROM (SELECT rowid, text FROM passageFTS WHERE passageFTS MATCH ? AND rowid > ? LIMIT 5000) AS fresh
                        JOIN passage ON passage.id = fresh.rowid JOIN document ON document.id = passage.documentId
                        """,
                    arguments: [match, index.maxRowID])
                for row in fresh {
                    let score = index.score(query: terms, passage: RetrievalTerms.passageTerms(text: row["text"], title: row["title"]))
                    candidates.append((row["rowid"], Double(score)))
                }
            }
            candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.rowID < $1.rowID) }
            let ids = candidates.prefix(firstCut).map(\.rowID)
            return try Self.passageRows(db, ids: ids, query: query)
        }
        let scores = Dictionary(candidates.map { ($0.rowID, $0.score) }, uniquingKeysWith: { max($0, $1) })
        var hits: [PassageHit] = rows.map { row in
            let id: Int64 = row["id"]
            return Self.hit(row, score: scores[id] ?? 0)
        }
        hits.sort { a, b in a.score > b.score || (a.score == b.score && a.documentID < b.documentID) }
        return Array(hits.prefix(query.limit))
    }

    public func passages(after rowID: Int64, limit: Int) async throws -> [StoredPassage] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT passage.id, passage.text, document.title FROM passage JOIN document ON document.id = passage.documentId
                    WHERE passage.id > ? ORDER BY passage.id LIMIT ?
                    """, arguments: [rowID, max(0, limit)]
            ).map { StoredPassage(rowID: $0["id"], text: $0["text"], title: $0["title"]) }
        }
    }

    public func passages(rowIDs: [Int64], scoredFor query: PassageQuery) async throws -> [PassageHit] {
        guard !rowIDs.isEmpty else { return [] }
        let index = self.index
        let terms = RetrievalTerms.terms(query.text)
        let rows: [Row] = try await pool.read { db in try Self.passageRows(db, ids: rowIDs, query: query) }
        var found: [Int64: PassageHit] = [:]
        for row in rows {
            let score = index.map { Double($0.score(query: terms, passage: RetrievalTerms.passageTerms(text: row["text"], title: row["title"]))) }
            found[row["id"]] = Self.hit(row, score: score ?? 0)
        }
        return rowIDs.compactMap { found.removeValue(forKey: $0) }
    }

    public func denseIndexPath() async throws -> String? { String(indexPath.dropLast(".index".count)) + ".dense" }

    /// The passages `ids` with their documents' fields, those that pass the query's filters.
    static func passageRows(_ db: Database, ids: [Int64], query: PassageQuery) throws -> [Row] {
        guard !ids.isEmpty else { return [] }
        var sql = """
            SELECT passage.id, passage.documentId, passage.ordinal, passage.start, passage."end", passage.text,
                document.externalId, document.title, document.url, document.source, document.published, document.retrieved
            FROM passage JOIN document ON document.id = passage.documentId
            WHERE passage.id IN (\(ids.map(String.init).joined(separator: ",")))
            """
        var arguments: StatementArguments = []
        appendFilters(query, to: &sql, arguments: &arguments)
        return try Row.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// Adds the query's date and source filters (on the joined `document` table) to `sql`.
    static func appendFilters(_ query: PassageQuery, to sql: inout String, arguments: inout StatementArguments) {
        if let since = query.since {
            sql += " AND document.publishedAt >= ?"
            _ = arguments.append(contentsOf: [since.timeIntervalSince1970])
        }
        if let until = query.until {
            sql += " AND document.publishedAt < ?"
            _ = arguments.append(contentsOf: [until.timeIntervalSince1970])
        }
        if let source = query.source {
            sql += " AND document.source = ?"
            _ = arguments.append(contentsOf: [source])
        }
    }

    static func hit(_ row: Row, score: Double) -> PassageHit {
        let documentID: Int64 = row["documentId"]
        let externalID: String? = row["externalId"]
        return PassageHit(
            documentID: documentID, documentKey: externalID ?? String(documentID),
            passage: PassageSpan(ordinal: row["ordinal"], start: row["start"], end: row["end"], text: row["text"]),
            score: score, title: row["title"], url: row["url"], source: row["source"],
            published: row["published"], retrieved: row["retrieved"])
    }

    /// Search with FTS5 alone (before an index is built).
    func ftsSearch(_ query: PassageQuery) async throws -> [PassageHit] {
        let words = RetrievalTerms.terms(query.text, stem: false)
        guard !words.isEmpty else { return [] }
        return try await pool.read { db in
            let match = try Self.matchExpression(db, words: words)
            guard !match.isEmpty else { return [] }
            // Rank inside FTS5 first, then join only the few best rows; filters widen the first cut.
            let filtered = query.since != nil || query.until != nil || query.source != nil
            let firstCut = filtered ? max(query.limit * 50, 1000) : query.limit
            var sql = """
                SELECT passage.id, passage.documentId, passage.ordinal, passage.start, passage."end", passage.text,
                    best.rank AS rank, document.externalId, document.title, document.url, document.source,
                    document.published, document.retrieved
                FROM (SELECT rowid, rank FROM passageFTS WHERE passageFTS MATCH ? ORDER BY rank LIMIT ?) AS best
                JOIN passage ON passage.id = best.rowid
                JOIN document ON document.id = passage.documentId
                WHERE 1
                """
            var arguments: StatementArguments = [match, firstCut]
            Self.appendFilters(query, to: &sql, arguments: &arguments)
            sql += " ORDER BY rank LIMIT ?"
            _ = arguments.append(contentsOf: [query.limit])
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in Self.hit(row, score: -(row["rank"] as Double)) }
        }
    }

    // MARK: The posting index

    /// Passages stored since the index was built (all of them when there is none).
    public func passagesNotIndexed() async throws -> Int {
        let covered = index?.maxRowID ?? 0
        return try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passage WHERE id > ?", arguments: [covered]) ?? 0 }
    }

    /// Rebuilds the posting index from every stored passage and starts using it.
    /// - Returns: The number of passages indexed.
    @discardableResult
    public func rebuildIndex() async throws -> Int {
        var builder = PostingIndexBuilder()
        var last: Int64 = 0
        while true {
            let after = last
            let rows = try await pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT passage.id, passage.text, document.title FROM passage JOIN document ON document.id = passage.documentId
                        WHERE passage.id > ? ORDER BY passage.id LIMIT 20000
                        """, arguments: [after])
            }
            if rows.isEmpty { break }
            for row in rows {
                let id: Int64 = row["id"]
                builder.add(rowID: id, terms: RetrievalTerms.passageTerms(text: row["text"], title: row["title"]))
                last = id
            }
        }
        try builder.write(to: indexPath)
        let fresh = try PostingIndex(path: indexPath)
        indexLock.withLock { loadedIndex = fresh }
        return builder.count
    }

    /// Makes sure searches go through the posting index: builds it when there is none, else
    /// rebuilds it when it is stale. (Relevance is learned on the index's BM25 scores.)
    public func ensureIndex() async throws {
        if FileManager.default.fileExists(atPath: indexPath) {
            try await refreshIndexIfStale()
        } else {
            try await rebuildIndex()
        }
    }

    /// Rebuilds the index when ``PostingIndex/isStale(missing:indexed:)`` says so.
    @discardableResult
    public func refreshIndexIfStale() async throws -> Bool {
        guard PostingIndex.isStale(missing: try await passagesNotIndexed(), indexed: index?.passages ?? 0) else { return false }
        try await rebuildIndex()
        return true
    }

    /// An FTS5 query over the rarest of `words`: common words (in more than a fifth of the
    /// passages) are dropped while rarer ones remain, and at most eight terms are kept.
    static func matchExpression(_ db: Database, words: [String]) throws -> String {
        // The largest row id stands in for the passage count: COUNT(*) would scan the table.
        let total = max(try Int.fetchOne(db, sql: "SELECT MAX(id) FROM passage") ?? 1, 1)
        var seen: Set<String> = []
        var weighted: [(word: String, frequency: Int)] = []
        for word in words where seen.insert(PorterStemmer.stem(word)).inserted {
            let frequency = try Int.fetchOne(db, sql: "SELECT doc FROM passageVocab WHERE term = ?", arguments: [PorterStemmer.stem(word)]) ?? 0
            weighted.append((word, frequency))
        }
        weighted.sort { $0.frequency < $1.frequency || ($0.frequency == $1.frequency && $0.word < $1.word) }
        var chosen = weighted.filter { $0.frequency > 0 }
        let rare = chosen.filter { $0.frequency * 5 <= total }
        if rare.count >= 2 { chosen = rare }
        return chosen.prefix(8).map { "\"" + $0.word.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: " OR ")
    }

    // MARK: Sources

    public func save(_ source: SourceRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO source (name, url, kind, every, etag, lastModified, lastPolled, lastResult, failures, nextPoll)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET url = excluded.url, kind = excluded.kind, every = excluded.every,
                        etag = excluded.etag, lastModified = excluded.lastModified, lastPolled = excluded.lastPolled,
                        lastResult = excluded.lastResult, failures = excluded.failures, nextPoll = excluded.nextPoll
                    """,
                arguments: [
                    source.name, source.url, source.kind.rawValue, source.every, source.etag, source.lastModified,
                    source.lastPolled, source.lastResult, source.failures, source.nextPoll,
                ])
        }
    }

    public func sources() async throws -> [SourceRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY name").map { row in
                SourceRecord(
                    name: row["name"], url: row["url"], kind: SourceRecord.Kind(rawValue: row["kind"]) ?? .page, every: row["every"],
                    etag: row["etag"], lastModified: row["lastModified"], lastPolled: row["lastPolled"], lastResult: row["lastResult"],
                    failures: row["failures"], nextPoll: row["nextPoll"])
            }
        }
    }

    public func removeSource(named name: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM source WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func claimPoll(of name: String, worker: String, lease: Duration, now: Date) async throws -> SourceRecord? {
        guard let source = try await sources().first(where: { $0.name == name }), source.isDue(at: now) else { return nil }
        let clock = now.timeIntervalSince1970
        let taken = try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE source SET pollLeaseHolder = ?, pollLeaseUntil = ?
                    WHERE name = ? AND nextPoll IS ?
                        AND (pollLeaseUntil IS NULL OR pollLeaseUntil <= ? OR pollLeaseHolder = ?)
                    """,
                arguments: [worker, clock + lease.inSeconds, name, source.nextPoll, clock, worker])
            return db.changesCount > 0
        }
        return taken ? source : nil
    }

    // MARK: Fact-checks

    public func add(_ factChecks: [FactCheck]) async throws -> Int {
        try await pool.write { db in
            var added = 0
            var position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM factCheck") ?? 0
            for check in factChecks {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM factCheck WHERE id = ?)", arguments: [check.id]) ?? false
                if !exists {
                    added += 1
                    position += 1
                }
                try db.execute(
                    sql: """
                        INSERT INTO factCheck (id, claim, title, subtitle, rating, url, date, publisher, claimant, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET claim = excluded.claim, title = excluded.title, subtitle = excluded.subtitle,
                            rating = excluded.rating, url = excluded.url, date = excluded.date, publisher = excluded.publisher,
                            claimant = excluded.claimant
                        """,
                    arguments: [
                        check.id, check.claim, check.title, check.subtitle, check.rating, check.url, check.date, check.publisher,
                        check.claimant, position,
                    ])
            }
            return added
        }
    }

    public func factChecks() async throws -> [FactCheck] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM factCheck ORDER BY position").map { row in
                FactCheck(
                    id: row["id"], claim: row["claim"], title: row["title"], subtitle: row["subtitle"], rating: row["rating"],
                    url: row["url"], date: row["date"], publisher: row["publisher"], claimant: row["claimant"])
            }
        }
    }

    public func removeFactCheck(id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM factCheck WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }
}
