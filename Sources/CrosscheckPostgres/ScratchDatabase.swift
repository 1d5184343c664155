import CrosscheckKit
import Foundation
import Logging
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
        let logger = Logger(label: "crosscheck.scratch")
        let connection = try await PostgresConnection.connect(configuration: parsed.configuration, id: 1, logger: logger)
        do {
            try await connection.fetch(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
        var components = URLComponents(string: address)!
        components.path = "/" + name
        return components.string!
    }
}
