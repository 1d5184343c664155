import CrosscheckKit
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import Testing

@Suite("Posting index")
struct PostingIndexTests {
    let texts = [
        "The council approved the bridge repair plan after inspectors found corrosion in the cables.",
        "Ferry fares will rise in April, the operator said, citing fuel costs.",
        "The bridge will close one lane in each direction during the repairs.",
        "The museum reopened after a renovation that cost twelve million dollars.",
        "Inspectors rated the bridge deck fair and the cables poor.",
    ]

    func temporaryPath() -> String {
        ScratchFolder.root.appendingPathComponent("crosscheck-index-\(UUID().uuidString)").path
    }

    @Test func matchesExhaustiveBM25() throws {
        // Given the same passages in the in-memory BM25 index and in a posting file
        var builder = PostingIndexBuilder()
        var reference = BM25Index()
        for (number, text) in texts.enumerated() {
            builder.add(rowID: Int64(number + 100), terms: RetrievalTerms.terms(text))
            reference.add(RetrievalTerms.terms(text))
        }
        let path = temporaryPath()
        try builder.write(to: path)
        let index = try PostingIndex(path: path)
        // When both are searched
        for query in ["bridge cables corrosion", "the bridge", "fares fuel", "museum renovation cost", "nothing matches zebra"] {
            let expected = reference.search(query, limit: 3).map { (Int64($0.document + 100), $0.score) }
            let found = index.search(terms: RetrievalTerms.terms(query), limit: 3)
            // Then they agree on order and scores
            #expect(found.map(\.rowID) == expected.map(\.0), "\(query)")
            for (a, b) in zip(found, expected) { #expect(abs(a.score - b.1) < 1e-3) }
        }
        #expect(index.passages == texts.count)
        #expect(index.maxRowID == 104)
    }

    @Test func storeSearchesIndexedAndNewerPassagesTogether() async throws {
        let store = try SQLiteEvidenceStore(path: temporaryPath() + ".sqlite")
        for (number, text) in texts.prefix(3).enumerated() {
            _ = try await store.add(EvidenceDocument(externalID: "old\(number)", source: "s", retrieved: "2026-01-01T00:00:00Z", text: text))
        }
        #expect(try await store.rebuildIndex() == 3)
        _ = try await store.add(EvidenceDocument(externalID: "new", source: "s", retrieved: "2026-01-02T00:00:00Z", text: texts[4]))
        #expect(try await store.passagesNotIndexed() == 1)
        let hits = try await store.search(PassageQuery(text: "bridge cables", limit: 5))
        #expect(Set(hits.map(\.documentKey)) == ["old0", "old2", "new"])
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        let filtered = try await store.search(PassageQuery(text: "bridge", source: "other", limit: 5))
        #expect(filtered.isEmpty)
    }

    @Test func aDamagedIndexFileIsIgnored() async throws {
        let path = temporaryPath() + ".sqlite"
        let store = try SQLiteEvidenceStore(path: path)
        _ = try await store.add(EvidenceDocument(source: "s", retrieved: "2026-01-01T00:00:00Z", text: texts[0]))
        try Data("not an index".utf8).write(to: URL(fileURLWithPath: store.indexPath))
        let reopened = try SQLiteEvidenceStore(path: path)
        #expect(try await reopened.search(PassageQuery(text: "corrosion", limit: 1)).count == 1)
        #expect(throws: CrosscheckError.self) { try PostingIndex(path: store.indexPath) }
    }
}
