import CrosscheckKit
import CrosscheckSQLite
import Foundation
import Testing

/// Makes a fresh, empty store of one kind.
struct StoreFactory: CustomTestStringConvertible, Sendable {
    var name: String
    var make: @Sendable () throws -> any EvidenceStore
    var testDescription: String { name }

    static let all: [StoreFactory] = [
        StoreFactory(name: "memory") { MemoryEvidenceStore() },
        StoreFactory(name: "sqlite") {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-store-\(UUID().uuidString).sqlite").path
            return try SQLiteEvidenceStore(path: path)
        },
    ]
}

func document(_ text: String, id: String? = nil, source: String = "test", url: String? = nil, published: String? = nil) -> EvidenceDocument {
    EvidenceDocument(externalID: id, source: source, url: url, title: "Title of \(id ?? "doc")", published: published, retrieved: "2026-03-01T00:00:00Z", text: text)
}

let bridgeText = """
    The Harbour Bridge carries about 41,000 vehicles a day across the estuary. Inspectors found corrosion in 14 of its 62 steel cables last autumn.

    The city council approved a $48 million repair plan on Tuesday by a vote of 7 to 2. Work will start in June and last about 18 months.
    """

@Suite("Evidence store contract")
struct EvidenceStoreContractTests {
    @Test(arguments: StoreFactory.all)
    func addsDocumentsWithPassagesAndRefusesDuplicates(factory: StoreFactory) async throws {
        // Given an empty store
        let store = try factory.make()
        // When a document is added twice, and once with a word changed
        let first = try await store.add(document(bridgeText, id: "a", url: "https://news.example/bridge"))
        let again = try await store.add(document(bridgeText, id: "b"))
        let reworded = try await store.add(document(bridgeText.replacingOccurrences(of: "Tuesday", with: "Wednesday"), id: "c"))
        let other = try await store.add(document("Ferry fares will rise by 5 percent in April, the operator said on Monday.", id: "d"))
        // Then only new content is stored
        guard case .added(let id, let passages) = first else { Issue.record("first add: \(first)"); return }
        #expect(passages >= 2)
        #expect(again == .duplicate(of: id))
        #expect(reworded == .nearDuplicate(of: id))
        guard case .added = other else { Issue.record("other add: \(other)"); return }
        let statistics = try await store.statistics()
        #expect(statistics.documents == 2)
        #expect(statistics.newestRetrieved == "2026-03-01T00:00:00Z")
        #expect(try await store.contains(url: "https://news.example/bridge"))
        #expect(!(try await store.contains(url: "https://news.example/other")))
    }

    @Test(arguments: StoreFactory.all)
    func passagesKeepOffsetsIntoTheirDocument(factory: StoreFactory) async throws {
        let store = try factory.make()
        guard case .added(let id, _) = try await store.add(document(bridgeText, id: "a")) else { return }
        let stored = try #require(try await store.document(id: id))
        #expect(stored.key == "a")
        let scalars = Array(stored.document.text.unicodeScalars)
        for passage in stored.passages {
            #expect(scalars.text(TextSpan(start: passage.start, end: passage.end)) == passage.text)
        }
        #expect(stored.passages.map(\.ordinal) == Array(0..<stored.passages.count))
    }

    @Test(arguments: StoreFactory.all)
    func searchRanksAndFilters(factory: StoreFactory) async throws {
        let store = try factory.make()
        _ = try await store.add([
            document(bridgeText, id: "bridge", source: "ledger", published: "2026-03-03"),
            document("The museum reopened after a two-year renovation that cost $12 million.", id: "museum", source: "herald", published: "2025-06-01"),
            document("Bridge tolls will not change this year, the transport minister said.", id: "tolls", source: "herald", published: "2026-01-10"),
        ])
        let hits = try await store.search(PassageQuery(text: "corrosion in the bridge cables", limit: 5))
        #expect(hits.first?.documentKey == "bridge")
        #expect(hits.first?.source == "ledger")
        #expect(hits.first?.title == "Title of bridge")
        let herald = try await store.search(PassageQuery(text: "bridge", source: "herald", limit: 5))
        #expect(herald.map(\.documentKey) == ["tolls"])
        let recent = try await store.search(PassageQuery(text: "bridge", since: DateNormalizer.date("2026-02-01"), limit: 5))
        #expect(Set(recent.map(\.documentKey)) == ["bridge"])
        let old = try await store.search(PassageQuery(text: "bridge", until: DateNormalizer.date("2026-02-01"), limit: 5))
        #expect(Set(old.map(\.documentKey)) == ["tolls"])
        #expect(try await store.search(PassageQuery(text: "the and of", limit: 5)).isEmpty)
    }

    @Test(arguments: StoreFactory.all)
    func sourcesAreSavedUpdatedAndRemoved(factory: StoreFactory) async throws {
        let store = try factory.make()
        var feed = SourceRecord(name: "ledger", url: "https://ledger.example/feed.xml", kind: .feed, every: 900)
        try await store.save(feed)
        feed.etag = "\"v2\""
        feed.failures = 2
        try await store.save(feed)
        try await store.save(SourceRecord(name: "checks", url: "https://checks.example/", kind: .claimreview, every: 3600))
        let sources = try await store.sources()
        #expect(sources.map(\.name) == ["checks", "ledger"])
        #expect(sources[1].etag == "\"v2\"")
        #expect(sources[1].failures == 2)
        #expect(try await store.removeSource(named: "checks"))
        #expect(!(try await store.removeSource(named: "checks")))
        #expect(try await store.sources().count == 1)
    }

    @Test(arguments: StoreFactory.all)
    func factChecksAreAddedAndReplacedById(factory: StoreFactory) async throws {
        let store = try factory.make()
        let added = try await store.add([
            FactCheck(id: "fc1", claim: "The bridge is closing for good.", rating: "False"),
            FactCheck(id: "fc2", claim: "Fares doubled last year.", rating: "Mostly false"),
        ])
        #expect(added == 2)
        let again = try await store.add([FactCheck(id: "fc1", claim: "The bridge is closing for good.", rating: "Pants on fire")])
        #expect(again == 0)
        let checks = try await store.factChecks()
        #expect(checks.map(\.id) == ["fc1", "fc2"])
        #expect(checks[0].rating == "Pants on fire")
        #expect(try await store.statistics().factChecks == 2)
    }
}

@Suite("Store errors")
struct StoreErrorTests {
    /// A store that cannot be opened is a store failure with its cause kept, and the message names
    /// no command-line option (the front end adds its own).
    @Test func anUnopenableStoreIsAStoreFailureWithItsCause() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            _ = try SQLiteEvidenceStore(path: folder.path)
            Issue.record("a folder opened as a store")
        } catch let error as CrosscheckError {
            #expect(error.code == .storeFailed)
            #expect(error.cause != nil)
            #expect(error.adjustment == .storeFile)
            #expect(!error.message.contains("--"))
        }
    }
}
