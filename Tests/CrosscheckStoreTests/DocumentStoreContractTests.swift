import CrosscheckKit
import CrosscheckSQLite
import Foundation
import Testing

/// What every backend must do with documents and passages.
@Suite("Document store contract")
struct DocumentStoreContractTests {
    @Test(arguments: StoreFactory.all)
    func addsDocumentsWithPassagesAndRefusesDuplicates(factory: StoreFactory) async throws {
        // Given an empty store
        let store = try await factory.make()
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
        let store = try await factory.make()
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
        let store = try await factory.make()
        _ = try await store.add([
            document(bridgeText, id: "bridge", source: "ledger", published: "2026-03-03"),
            document(
                "The museum reopened after a two-year renovation that cost $12 million.", id: "museum", source: "herald", published: "2025-06-01"),
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
    func theRetrievalIndexCoversEveryPassageOnceBuilt(factory: StoreFactory) async throws {
        let store = try await factory.make()
        _ = try await store.add(document(bridgeText, id: "bridge"))
        try await store.ensureIndex()
        #expect(try await store.passagesNotIndexed() == 0)
        let passages = try await store.statistics().passages
        #expect(try await store.rebuildIndex() == passages)
        #expect(try await store.refreshIndexIfStale() == false)
        _ = try await store.add(document("Ferry fares will rise by 5 percent in April, the operator said on Monday.", id: "ferry"))
        // A passage added after the index was built is still found.
        #expect(try await store.search(PassageQuery(text: "ferry fares", limit: 3)).first?.documentKey == "ferry")
        #expect(try await store.newestRetrieved() == "2026-03-01T00:00:00Z")
    }

    /// What a dense index reads and what it asks back: passages in row order from a point, and
    /// passages by row id in the order asked, filtered and scored as a search scores them.
    @Test(arguments: StoreFactory.all)
    func passagesAreReadInRowOrderAndFetchedByRowIDAsSearchScoresThem(factory: StoreFactory) async throws {
        let store = try await factory.make()
        _ = try await store.add([
            document(bridgeText, id: "bridge", source: "ledger", published: "2026-03-03"),
            document("Bridge tolls will not change this year, the transport minister said.", id: "tolls", source: "herald", published: "2026-01-10"),
        ])
        try await store.ensureIndex()
        let all = try await store.passages(after: 0, limit: 100)
        #expect(all.count == (try await store.statistics().passages))
        #expect(all.map(\.rowID) == all.map(\.rowID).sorted() && Set(all.map(\.rowID)).count == all.count)
        #expect(all.contains { $0.title == "Title of tolls" && $0.text.hasPrefix("Bridge tolls") })
        let rest = try await store.passages(after: all[0].rowID, limit: 1)
        #expect(rest.map(\.rowID) == [all[1].rowID])
        #expect(try await store.passages(after: all.last!.rowID, limit: 10).isEmpty)

        let query = PassageQuery(text: "bridge tolls minister", limit: 10)
        let searched = try await store.search(query)
        let asked = all.map(\.rowID).reversed() + [999_999]
        let fetched = try await store.passages(rowIDs: Array(asked), scoredFor: query)
        #expect(fetched.count == all.count, "an unknown row id is left out")
        #expect(fetched.map(\.passage.text) == all.reversed().map(\.text), "in the order asked")
        for hit in searched {
            let same = try #require(fetched.first { $0.documentID == hit.documentID && $0.passage.ordinal == hit.passage.ordinal })
            #expect(abs(same.score - hit.score) < 1e-6 * max(1, hit.score))
        }
        let herald = try await store.passages(rowIDs: all.map(\.rowID), scoredFor: PassageQuery(text: "bridge", source: "herald", limit: 10))
        #expect(Set(herald.map(\.documentKey)) == ["tolls"])
        let recent = try await store.passages(
            rowIDs: all.map(\.rowID), scoredFor: PassageQuery(text: "bridge", since: DateNormalizer.date("2026-02-01"), limit: 10))
        #expect(Set(recent.map(\.documentKey)) == ["bridge"])
    }
}
