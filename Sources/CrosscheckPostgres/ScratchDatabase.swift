import CrosscheckKit
import Foundation
import PostgresNIO

/// Fresh, empty databases on a PostgreSQL server, for tests: each contract test gets its own.
package enum ScratchDatabase {
    /// The server tests use, from `CROSSCHECK_TEST_POSTGRES` (a `postgres://` address whose role
    /// may create databases); `nil` when it is not set, and the PostgreSQL tests skip.
    package static var server: String? {
        ProcessInfo.processInfo.environment["CROSSCHECK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Creates a new database on the server of `address`; returns the address of it.
    package static func make(on address: String) async throws -> String {
        let parsed = try PostgresAddress(address)
        let name = "crosscheck_test_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let client = PostgresClient(configuration: parsed.configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        var components = URLComponents(string: address)!
        components.path = "/" + name
        return components.string!
    }
}
