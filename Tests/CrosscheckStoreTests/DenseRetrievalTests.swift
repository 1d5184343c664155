import CrosscheckKit
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import Testing

/// Dense retrieval over an embedded store with the shipped encoder: a passage found by meaning
/// where it shares no word with the query, an index rebuilt without embedding again what it
/// holds, and an index that is fresh left alone.
@Suite("Dense retrieval over a store", .enabled(if: (try? SentenceEncoder.bundled()) != nil))
struct DenseRetrievalTests {
    static func store() async throws -> SQLiteEvidenceStore {
        let path = ScratchFolder.root.appendingPathComponent("crosscheck-dense-\(UUID().uuidString).sqlite").path
        let store = try SQLiteEvidenceStore(path: path)
        _ = try await store.add([
            document("Ferry tickets will cost more from April because fuel became expensive.", id: "ferry"),
            document("The museum reopened after a two-year renovation that cost $12 million.", id: "museum"),
            document("Rain is expected across the region for the rest of the week.", id: "weather"),
            document("The council approved a plan to repair the harbour bridge by seven votes to two.", id: "bridge"),
        ])
        try await store.ensureIndex()
        return store
    }

    final class Embedded: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int] = []
        var last: Int? { lock.withLock { counts.last } }
        func record(_ total: Int) { lock.withLock { counts.append(total) } }
    }

    @Test func aPassageIsFoundByMeaningWhereItSharesNoWordAndARebuildKeepsWhatItHas() async throws {
        let encoder = try #require(try SentenceEncoder.bundled())
        let store = try await Self.store()
        // The static embedding comes from the cache folder after its first distillation (about a minute in a debug build).
        var indexing = DenseIndexing(encoder: encoder, distilled: { StaticEmbedding(encoder: encoder) })
        let embedded = Embedded()
        indexing.progress = { _, total in embedded.record(total) }
        #expect(try await indexing.rebuild(store) == 4)
        #expect(embedded.last == 4)

        let path = try #require(try await store.denseIndexPath())
        let retriever = try DenseRetriever(embedder: .transformer(encoder), index: DenseIndex(path: path))
        let query = "Boat passengers face higher prices in spring."
        #expect(try await store.search(PassageQuery(text: query, limit: 5)).isEmpty, "no word in common")
        let near = try await retriever.hits(near: query, scoredFor: PassageQuery(text: query, limit: 2), in: store)
        #expect(near.first?.documentKey == "ferry")
        #expect(near.first?.score == 0, "scored by BM25 for the query, which it shares no term with")
        let filtered = try await retriever.hits(near: query, scoredFor: PassageQuery(text: query, source: "elsewhere", limit: 2), in: store)
        #expect(filtered.isEmpty)

        // Fresh: left alone. A rebuild after one more document embeds only that one.
        #expect(try await indexing.refreshIfStale(store) == nil)
        _ = try await store.add(document("Snow closed the mountain pass on Sunday.", id: "snow"))
        #expect(try await indexing.rebuild(store) == 5)
        #expect(embedded.last == 1)
        let again = try DenseRetriever(embedder: .transformer(encoder), index: DenseIndex(path: path))
        #expect(again.search("a road blocked by winter weather", limit: 1).first.map { $0.rowID } != nil)
        #expect(again.search(query, limit: 1).first?.rowID == retriever.search(query, limit: 1).first?.rowID)

        // A store past the transformer's limit is embedded statically, and a static index is
        // rebuilt when the store would now be embedded by the transformer.
        indexing.transformerLimit = 2
        #expect(try await indexing.rebuild(store) == 5)
        let distilled = try DenseIndex(path: path)
        #expect(distilled.model.contains("static"))
        indexing.transformerLimit = 100
        #expect(try await indexing.refreshIfStale(store) == 5)
        #expect(try DenseIndex(path: path).model == encoder.identity.recorded)
    }
}
