import CrosscheckKit
import CrosscheckSQLite
import Foundation
import Testing

/// What every backend must do with fact-checks.
@Suite("Fact-check store contract")
struct FactCheckStoreContractTests {
    @Test(arguments: StoreFactory.all)
    func factChecksAreAddedAndReplacedById(factory: StoreFactory) async throws {
        let store = try await factory.make()
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

        #expect(try await store.removeFactCheck(id: "fc1"))
        #expect(try await !store.removeFactCheck(id: "fc1"))
        #expect(try await store.factChecks().map(\.id) == ["fc2"])
        // A fact-check added again after removal comes last.
        #expect(try await store.add([FactCheck(id: "fc1", claim: "The bridge is closing for good.", rating: "False")]) == 1)
        #expect(try await store.factChecks().map(\.id) == ["fc2", "fc1"])
    }
}
