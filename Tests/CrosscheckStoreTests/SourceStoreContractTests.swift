import CrosscheckKit
import CrosscheckSQLite
import Foundation
import Testing

/// What every backend must do with polled sources.
@Suite("Source store contract")
struct SourceStoreContractTests {
    @Test(arguments: StoreFactory.all)
    func sourcesAreSavedUpdatedAndRemoved(factory: StoreFactory) async throws {
        let store = try await factory.make()
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
    func aDueSourceIsPolledByOneWorkerAtATime(factory: StoreFactory) async throws {
        let store = try await factory.make()
        let now = Date()
        try await store.save(SourceRecord(name: "ledger", url: "https://ledger.example/feed.xml", kind: .feed, every: 900))
        // Two workers race for a source never polled: one takes it.
        async let first = store.claimPoll(of: "ledger", worker: "a", lease: .seconds(60), now: now)
        async let second = store.claimPoll(of: "ledger", worker: "b", lease: .seconds(60), now: now)
        let winners = [try await first, try await second].compactMap { $0 }
        #expect(winners.count == 1)
        // After the poll is saved the source is not due, whoever asks.
        var polled = try #require(winners.first)
        polled.nextPoll = ISO8601DateFormatter().string(from: now.addingTimeInterval(900))
        try await store.save(polled)
        #expect(try await store.claimPoll(of: "ledger", worker: "c", lease: .seconds(60), now: now.addingTimeInterval(120)) == nil)
        // When it is due again, a lease held by a worker that stopped has run out, and anyone may take it.
        #expect(try await store.claimPoll(of: "ledger", worker: "c", lease: .seconds(60), now: now.addingTimeInterval(901))?.name == "ledger")
        #expect(try await store.claimPoll(of: "missing", worker: "c", lease: .seconds(60), now: now) == nil)
    }
}
