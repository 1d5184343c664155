import CrosscheckKit
import CrosscheckSQLite
import Foundation
import Testing

/// What every backend must do with polled sources.
@Suite("Source store contract")
struct SourceStoreContractTests {
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
}
