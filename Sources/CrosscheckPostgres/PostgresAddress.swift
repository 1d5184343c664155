public import CrosscheckKit
public import Foundation
import NIOSSL
public import PostgresNIO

/// A `postgres://` address, read the way libpq reads it: user, password, host, port, database,
/// and `sslmode` (`disable`, `prefer` — the default —, `require`, `verify-ca`, `verify-full`) with
/// an optional `sslrootcert`; a `host=` query item naming a folder connects through its Unix socket.
public struct PostgresAddress: Sendable, CustomStringConvertible {
    public var configuration: PostgresConnection.Configuration
    /// The address without its password, for messages and logs.
    public var description: String

    /// Whether `text` is meant as a PostgreSQL address.
    public static func isPostgres(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads `text`.
    /// - Throws: ``CrosscheckError`` (`invalidArgument`) saying what is wrong with the address.
    public init(_ text: String) throws {
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw CrosscheckError(
                .invalidArgument, "\(text) is not a PostgreSQL address; write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        let items = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? NSUserName()
        let password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        var database = String(components.path.drop(while: { $0 == "/" }))
        database = database.removingPercentEncoding ?? database
        let port = components.port ?? Int(items["port"] ?? "") ?? 5432
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? items["host"] ?? "localhost"
        if host.hasPrefix("/") {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: host + "/.s.PGSQL.\(port)", username: user, password: password, database: database.isEmpty ? nil : database)
        } else {
            configuration = PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database.isEmpty ? nil : database,
                tls: try Self.tls(mode: items["sslmode"] ?? "prefer", rootCertificate: items["sslrootcert"], address: text))
        }
        description = "postgres://\(user)@\(host):\(port)/\(database)"
    }

    static func context(_ configuration: TLSConfiguration, _ address: String) throws -> NIOSSLContext {
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw CrosscheckError(
                .invalidArgument, "the TLS settings of \(address) cannot be used (\(error)); check sslrootcert names a readable PEM file",
                cause: error)
        }
    }

    static func tls(mode: String, rootCertificate: String?, address: String) throws -> PostgresConnection.Configuration.TLS {
        var verified = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate { verified.trustRoots = .file(rootCertificate) }
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch mode {
        case "disable": return .disable
        case "allow", "prefer": return .prefer(try context(unverified, address))
        case "require": return .require(try context(unverified, address))
        case "verify-ca":
            verified.certificateVerification = .noHostnameVerification
            return .require(try context(verified, address))
        case "verify-full": return .require(try context(verified, address))
        default:
            throw CrosscheckError(
                .invalidArgument, "sslmode=\(mode) in \(address) is not one of disable, prefer, require, verify-ca or verify-full")
        }
    }
}
