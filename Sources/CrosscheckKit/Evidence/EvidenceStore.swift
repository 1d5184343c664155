public import Foundation

/// Where documents and their passages are kept, and searched: the store the verification stage
/// and the feed poller write to and read from.
///
/// Retrieval runs on the project's own posting index (BM25 over its own tokenizer), never on a
/// backend's notion of rank, so models trained on its scores see the same inputs on any backend.
public protocol DocumentStore: Sendable {
    /// Adds a document and its passages atomically, unless its content (or a near-duplicate of it)
    /// is already stored.
    func add(_ document: EvidenceDocument) async throws -> AddOutcome

    /// Adds several documents; each is stored whole or not at all. The outcome of each, in order.
    func add(_ documents: [EvidenceDocument]) async throws -> [AddOutcome]

    /// The best passages for a query, best first.
    func search(_ query: PassageQuery) async throws -> [PassageHit]

    /// The BM25 inverse document frequency of each retrieval term over the stored passages.
    func inverseDocumentFrequencies(of terms: [String]) async throws -> [String: Double]

    /// A stored document by its store id.
    func document(id: Int64) async throws -> StoredDocument?

    /// Whether a document with this canonical URL is stored.
    func contains(url: String) async throws -> Bool

    /// The newest retrieval time of any document (ISO 8601): the store's "as of".
    func newestRetrieved() async throws -> String?

    /// Passages added since the retrieval index was last built.
    func passagesNotIndexed() async throws -> Int

    /// Builds the retrieval index over every passage; returns how many it holds.
    @discardableResult
    func rebuildIndex() async throws -> Int

    /// Makes sure searches go through the retrieval index: builds it when there is none, else
    /// refreshes it when it is stale.
    func ensureIndex() async throws

    /// Rebuilds the retrieval index when enough passages were added since it was built; returns
    /// whether it did.
    @discardableResult
    func refreshIndexIfStale() async throws -> Bool

    /// Stored passages with row ids above `rowID`, in row order, at most `limit`: what an index
    /// built beside the store reads.
    func passages(after rowID: Int64, limit: Int) async throws -> [StoredPassage]

    /// The passages with these row ids that pass `query`'s filters, each scored for the query's
    /// text as ``search(_:)`` scores (0 when it shares no term), in the order of `rowIDs`.
    func passages(rowIDs: [Int64], scoredFor query: PassageQuery) async throws -> [PassageHit]

    /// Where the dense index of the store's passages is kept (beside its posting index), or `nil`
    /// for a store that keeps no files.
    func denseIndexPath() async throws -> String?
}

/// A stored passage as an index reads it: its row id, text and its document's title.
public struct StoredPassage: Sendable, Hashable {
    public var rowID: Int64
    public var text: String
    public var title: String?

    public init(rowID: Int64, text: String, title: String?) {
        self.rowID = rowID
        self.text = text
        self.title = title
    }
}

/// Where polled sources and their polling state are kept.
public protocol SourceStore: Sendable {
    /// Adds or updates a polled source (by name).
    func save(_ source: SourceRecord) async throws

    /// All polled sources, by name.
    func sources() async throws -> [SourceRecord]

    /// Removes a source (its documents stay); returns whether it existed.
    func removeSource(named name: String) async throws -> Bool

    /// Takes the poll of source `name` for `worker`, holding it for `lease`, when the source is
    /// due at `now` (never polled, or its next poll has come) and no other worker holds it.
    /// Returns the source as stored, or `nil` when it is not due or another worker is polling it:
    /// so each source is polled once per interval however many workers watch the store.
    func claimPoll(of name: String, worker: String, lease: Duration, now: Date) async throws -> SourceRecord?
}

extension SourceRecord {
    /// Whether the source is due at `now`: never polled, or its next poll has come.
    public func isDue(at now: Date) -> Bool {
        guard let next = nextPoll.flatMap(DateNormalizer.date) else { return true }
        return next <= now
    }
}

/// Where the organisation's earlier fact-checks are kept.
public protocol FactCheckStore: Sendable {
    /// Adds fact-checks; ones with a known id are replaced. Returns how many were new.
    func add(_ factChecks: [FactCheck]) async throws -> Int

    /// Every stored fact-check.
    func factChecks() async throws -> [FactCheck]

    /// Removes the fact-check with this id; returns whether there was one.
    func removeFactCheck(id: String) async throws -> Bool
}

/// A whole store: documents, sources and fact-checks in one place. SQLite (the embedded default)
/// and the in-memory store implement it; each job's protocol has its own contract test suite.
public protocol EvidenceStore: DocumentStore, SourceStore, FactCheckStore {
    /// How many documents, passages, sources and fact-checks are stored.
    func statistics() async throws -> StoreStatistics
}

extension DocumentStore {
    public func add(_ documents: [EvidenceDocument]) async throws -> [AddOutcome] {
        var outcomes: [AddOutcome] = []
        for document in documents { outcomes.append(try await add(document)) }
        return outcomes
    }
}

/// What happened to a document offered to the store.
public enum AddOutcome: Sendable, Hashable {
    /// Stored under this id, with this many passages.
    case added(id: Int64, passages: Int)
    /// The same content is already stored under this id.
    case duplicate(of: Int64)
    /// Nearly the same content (a few words differ) is already stored under this id.
    case nearDuplicate(of: Int64)
}

/// A passage search.
public struct PassageQuery: Sendable, Hashable {
    public var text: String
    /// Only documents published at or after this time.
    public var since: Date?
    /// Only documents published before this time.
    public var until: Date?
    /// Only documents from this source.
    public var source: String?
    public var limit: Int

    public init(text: String, since: Date? = nil, until: Date? = nil, source: String? = nil, limit: Int = 10) {
        self.text = text
        self.since = since
        self.until = until
        self.source = source
        self.limit = limit
    }
}

/// A passage found by a search, with its document's provenance.
public struct PassageHit: Sendable, Hashable, Codable {
    public var documentID: Int64
    /// The id the document was imported with, or the store id as text.
    public var documentKey: String
    public var passage: PassageSpan
    public var score: Double
    public var title: String?
    public var url: String?
    public var source: String
    public var published: String?
    public var retrieved: String

    public init(
        documentID: Int64, documentKey: String, passage: PassageSpan, score: Double, title: String?, url: String?, source: String,
        published: String?, retrieved: String
    ) {
        self.documentID = documentID
        self.documentKey = documentKey
        self.passage = passage
        self.score = score
        self.title = title
        self.url = url
        self.source = source
        self.published = published
        self.retrieved = retrieved
    }
}

/// A document as stored.
public struct StoredDocument: Sendable, Hashable, Codable {
    public var id: Int64
    public var document: EvidenceDocument
    public var contentHash: String
    public var passages: [PassageSpan]

    public init(id: Int64, document: EvidenceDocument, contentHash: String, passages: [PassageSpan]) {
        self.id = id
        self.document = document
        self.contentHash = contentHash
        self.passages = passages
    }

    /// The id users know the document by: its import id, or the store id.
    public var key: String { document.externalID ?? String(id) }
}

/// Counts of what a store holds.
public struct StoreStatistics: Sendable, Hashable, Codable {
    public var documents: Int
    public var passages: Int
    public var sources: Int
    public var factChecks: Int
    /// The newest retrieval time of any document (ISO 8601): the store's "as of".
    public var newestRetrieved: String?

    public init(documents: Int, passages: Int, sources: Int, factChecks: Int, newestRetrieved: String?) {
        self.documents = documents
        self.passages = passages
        self.sources = sources
        self.factChecks = factChecks
        self.newestRetrieved = newestRetrieved
    }
}

/// A source polled for new documents, with its polling state.
public struct SourceRecord: Sendable, Hashable, Codable {
    /// What kind of thing the URL is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case feed, page, sitemap, claimreview
    }

    public var name: String
    public var url: String
    public var kind: Kind
    /// Seconds between polls.
    public var every: Int
    public var etag: String?
    public var lastModified: String?
    /// When it was last polled (ISO 8601).
    public var lastPolled: String?
    /// What the last poll did, in a few words ("ok: 3 new", "error: HTTP 500").
    public var lastResult: String?
    /// Polls that failed in a row; backoff doubles with each.
    public var failures: Int
    /// When it is next due (ISO 8601).
    public var nextPoll: String?

    public init(
        name: String, url: String, kind: Kind, every: Int, etag: String? = nil, lastModified: String? = nil,
        lastPolled: String? = nil, lastResult: String? = nil, failures: Int = 0, nextPoll: String? = nil
    ) {
        self.name = name
        self.url = url
        self.kind = kind
        self.every = every
        self.etag = etag
        self.lastModified = lastModified
        self.lastPolled = lastPolled
        self.lastResult = lastResult
        self.failures = failures
        self.nextPoll = nextPoll
    }
}
