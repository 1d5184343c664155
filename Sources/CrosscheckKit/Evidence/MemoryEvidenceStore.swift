public import Foundation

/// An evidence store in memory: for tests, and for one-off runs that need no file.
public actor MemoryEvidenceStore: EvidenceStore {
    private var documents: [StoredDocument] = []
    private var hashes: [String: Int64] = [:]
    private var fingerprints: [(UInt64, Int64)] = []
    private var passages: [(document: Int64, passage: PassageSpan)] = []
    private var index = BM25Index()
    private var sourceRecords: [String: SourceRecord] = [:]
    private var pollLeases: [String: (worker: String, until: Date)] = [:]
    private var checks: [String: FactCheck] = [:]
    private var checkOrder: [String] = []

    public init() {}

    public func add(_ document: EvidenceDocument) async throws -> AddOutcome {
        let hash = document.contentHash
        if let existing = hashes[hash] { return .duplicate(of: existing) }
        let fingerprint = document.fingerprint
        if let near = fingerprints.first(where: { SimHash.distance($0.0, fingerprint) <= SimHash.nearDuplicateDistance }) {
            return .nearDuplicate(of: near.1)
        }
        let id = Int64(documents.count + 1)
        let spans = document.passages
        documents.append(StoredDocument(id: id, document: document, contentHash: hash, passages: spans))
        hashes[hash] = id
        fingerprints.append((fingerprint, id))
        for span in spans {
            passages.append((id, span))
            // Passages are indexed with their document's title, as in the SQLite store.
            index.add(RetrievalTerms.terms(document.title ?? "") + RetrievalTerms.terms(span.text))
        }
        return .added(id: id, passages: spans.count)
    }

    public func search(_ query: PassageQuery) async throws -> [PassageHit] {
        var hits: [PassageHit] = []
        for hit in index.search(query.text, limit: max(query.limit * 20, 200)) {
            let entry = passages[hit.document]
            let stored = documents[Int(entry.document - 1)]
            guard Self.passes(stored.document, query) else { continue }
            hits.append(
                PassageHit(
                    documentID: stored.id, documentKey: stored.key, passage: entry.passage, score: Double(hit.score),
                    title: stored.document.title, url: stored.document.url, source: stored.document.source,
                    published: stored.document.published, retrieved: stored.document.retrieved))
            if hits.count == query.limit { break }
        }
        return hits
    }

    /// Row ids count passages from 1 in the order they were added.
    public func passages(after rowID: Int64, limit: Int) async throws -> [StoredPassage] {
        let start = Int(max(rowID, 0))
        guard start < passages.count, limit > 0 else { return [] }
        return (start..<min(start + limit, passages.count)).map { index in
            let entry = passages[index]
            return StoredPassage(rowID: Int64(index + 1), text: entry.passage.text, title: documents[Int(entry.document - 1)].document.title)
        }
    }

    public func passages(rowIDs: [Int64], scoredFor query: PassageQuery) async throws -> [PassageHit] {
        let terms = RetrievalTerms.terms(query.text)
        var hits: [PassageHit] = []
        var seen: Set<Int64> = []
        for rowID in rowIDs where rowID >= 1 && rowID <= passages.count && seen.insert(rowID).inserted {
            let entry = passages[Int(rowID - 1)]
            let stored = documents[Int(entry.document - 1)]
            guard Self.passes(stored.document, query) else { continue }
            hits.append(
                PassageHit(
                    documentID: stored.id, documentKey: stored.key, passage: entry.passage,
                    score: Double(index.score(terms: terms, document: Int(rowID - 1))), title: stored.document.title, url: stored.document.url,
                    source: stored.document.source, published: stored.document.published, retrieved: stored.document.retrieved))
        }
        return hits
    }

    /// A store in memory keeps no dense index.
    public func denseIndexPath() async throws -> String? { nil }

    /// Whether `document` passes the query's source and date filters.
    static func passes(_ document: EvidenceDocument, _ query: PassageQuery) -> Bool {
        if let source = query.source, document.source != source { return false }
        if query.since != nil || query.until != nil {
            guard let published = document.published.flatMap(DateNormalizer.date) else { return false }
            if let since = query.since, published < since { return false }
            if let until = query.until, published >= until { return false }
        }
        return true
    }

    public func inverseDocumentFrequencies(of terms: [String]) async throws -> [String: Double] {
        Dictionary(terms.map { ($0, Double(index.idf($0))) }, uniquingKeysWith: { a, _ in a })
    }

    public func document(id: Int64) async throws -> StoredDocument? {
        id >= 1 && id <= documents.count ? documents[Int(id - 1)] : nil
    }

    public func contains(url: String) async throws -> Bool {
        documents.contains { $0.document.url == url }
    }

    public func newestRetrieved() async throws -> String? {
        documents.map(\.document.retrieved).max()
    }

    /// The memory store's index is updated with every add, so it is never stale.
    public func passagesNotIndexed() async throws -> Int { 0 }

    @discardableResult
    public func rebuildIndex() async throws -> Int { passages.count }

    public func ensureIndex() async throws {}

    @discardableResult
    public func refreshIndexIfStale() async throws -> Bool { false }

    public func statistics() async throws -> StoreStatistics {
        StoreStatistics(
            documents: documents.count, passages: passages.count, sources: sourceRecords.count, factChecks: checks.count,
            newestRetrieved: documents.map(\.document.retrieved).max())
    }

    public func save(_ source: SourceRecord) async throws { sourceRecords[source.name] = source }

    public func sources() async throws -> [SourceRecord] { sourceRecords.values.sorted { $0.name < $1.name } }

    public func removeSource(named name: String) async throws -> Bool { sourceRecords.removeValue(forKey: name) != nil }

    public func claimPoll(of name: String, worker: String, lease: Duration, now: Date) async throws -> SourceRecord? {
        guard let source = sourceRecords[name], source.isDue(at: now) else { return nil }
        if let held = pollLeases[name], held.until > now, held.worker != worker { return nil }
        pollLeases[name] = (worker, now.addingTimeInterval(lease.inSeconds))
        return source
    }

    public func add(_ factChecks: [FactCheck]) async throws -> Int {
        var added = 0
        for check in factChecks {
            if checks[check.id] == nil {
                added += 1
                checkOrder.append(check.id)
            }
            checks[check.id] = check
        }
        return added
    }

    public func factChecks() async throws -> [FactCheck] { checkOrder.compactMap { checks[$0] } }

    public func removeFactCheck(id: String) async throws -> Bool {
        guard checks.removeValue(forKey: id) != nil else { return false }
        checkOrder.removeAll { $0 == id }
        return true
    }
}
