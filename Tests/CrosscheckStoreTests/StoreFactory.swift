import CrosscheckKit
import CrosscheckPostgres
import CrosscheckSQLite
import CrosscheckTesting
import Foundation
import Testing

/// Makes a fresh, empty store of one kind.
struct StoreFactory: CustomTestStringConvertible, Sendable {
    var name: String
    var make: @Sendable () async throws -> any EvidenceStore
    var testDescription: String { name }

    /// The memory and SQLite stores, and PostgreSQL when `CROSSCHECK_TEST_POSTGRES` names a server
    /// (`.ci/run` starts one).
    static let all: [StoreFactory] =
        [
            StoreFactory(name: "memory") { MemoryEvidenceStore() },
            StoreFactory(name: "sqlite") {
                let path = ScratchFolder.root.appendingPathComponent("crosscheck-store-\(UUID().uuidString).sqlite").path
                return try SQLiteEvidenceStore(path: path)
            },
        ] + (ScratchDatabase.server == nil ? [] : [postgres])

    static let postgres = StoreFactory(name: "postgres") {
        try PostgresStore(address: try await ScratchDatabase.make(on: ScratchDatabase.server!))
    }
}

func document(_ text: String, id: String? = nil, source: String = "test", url: String? = nil, published: String? = nil) -> EvidenceDocument {
    EvidenceDocument(
        externalID: id, source: source, url: url, title: "Title of \(id ?? "doc")", published: published, retrieved: "2026-03-01T00:00:00Z",
        text: text)
}

let bridgeText = """
    The Harbour Bridge carries about 41,000 vehicles a day across the estuary. Inspectors found corrosion in 14 of its 62 steel cables last autumn.

    The city council approved a $48 million repair plan on Tuesday by a vote of 7 to 2. Work will start in June and last about 18 months.
    """
