public import CrosscheckKit
import Foundation
public import Logging
import PostgresNIO
import Synchronization

/// The shared store: every table of the embedded store in one PostgreSQL database, for servers
/// and workers on several machines. Opened with a `postgres://` address (``PostgresAddress``).
///
/// Connections come from a pool. The schema is migrated on first use, one process at a time.
/// Retrieval runs on the project's own posting index, built from the shared passages into a file
/// on each machine (``rebuildIndex()``), with PostgreSQL's full-text index finding the passages
/// added since, and standing in for it before one is built.
public final class PostgresStore: Sendable {
    let connections: PostgresConnections
    /// Where the store is, without its password.
    public let address: String
    let logger: Logger
    private let ready: Task<StoreIdentity, any Error>
    private let indexFolder: String
    private let state = Mutex<IndexState>(IndexState())

    struct IndexState {
        var path: String?
        var index: PostingIndex?
    }

    /// Opens the store at `address`; the connection is made, and the schema migrated, on first use.
    /// - Parameters:
    ///   - indexFolder: Where this machine keeps its posting index of the store; the default is
    ///     `$XDG_CACHE_HOME/crosscheck` (else `~/.cache/crosscheck`).
    ///   - connectTimeout: How long making a connection to the server may take before it fails.
    /// - Throws: ``CrosscheckError`` (`invalidArgument`) when the address cannot be read.
    public init(
        address text: String, indexFolder: String? = nil, connectTimeout: Duration = .seconds(20),
        logger: Logger = Logger(label: "crosscheck.postgres")
    ) throws {
        let address = try PostgresAddress(text)
        self.address = address.description
        self.logger = logger
        var configuration = address.configuration
        configuration.options.connectTimeout = .milliseconds(Int64(connectTimeout.inSeconds * 1000))
        // The handshake's own deadline is a backstop, generous because two busy cores can delay the
        // task that reads the answer; the TCP connection has the event loop's timeout.
        let connections = PostgresConnections(configuration: configuration, limit: 8, connectTimeout: connectTimeout * 3, logger: logger)
        self.connections = connections
        let described = address.description
        ready = Task {
            do {
                return try await Self.withConnection(connections) { connection in
                    try await PostgresMigrations.migrate(connection, logger: logger)
                }
            } catch let error as CrosscheckError {
                throw error
            } catch {
                throw CrosscheckError(
                    .storeFailed,
                    "cannot use the PostgreSQL store at \(described) (\(Self.describe(error))); check that PostgreSQL runs there and the user, password and database are right",
                    cause: error)
            }
        }
        self.indexFolder = indexFolder ?? CacheFolder.path()
    }

    deinit {
        ready.cancel()
        let connections = connections
        Task { await connections.closeIdle() }
    }

    /// Runs `body` with a connection of `connections`, given back afterwards; one that failed
    /// other than by a server's refusal is closed.
    static func withConnection<T: Sendable>(
        _ connections: PostgresConnections, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await connections.lease()
        do {
            let value = try await body(connection)
            await connections.giveBack(connection, healthy: true)
            return value
        } catch {
            // A statement the server refused leaves the connection usable; a connection the server
            // is closing (SQLSTATE class 57, 08) or that broke does not.
            let state = (error as? PSQLError)?.serverInfo?[.sqlState] ?? "08"
            let refused = (error as? PSQLError)?.code == .server && !state.hasPrefix("57") && !state.hasPrefix("08")
            await connections.giveBack(connection, healthy: refused)
            throw error
        }
    }

    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await Self.withConnection(connections, body)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func withTransaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection { connection in
            try await connection.fetch("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.fetch("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.fetch("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Waits until the store is reachable and migrated.
    /// - Throws: ``CrosscheckError`` (`storeFailed`) saying what to check.
    @discardableResult
    func prepared() async throws -> StoreIdentity {
        do {
            let identity = try await ready.value
            if state.withLock({ $0.path == nil }) {
                let path = indexFolder + "/postgres-\(identity.id).index"
                let index = FileManager.default.fileExists(atPath: path) ? try? PostingIndex(path: path) : nil
                state.withLock { state in
                    if state.path == nil { state = IndexState(path: path, index: index) }
                }
            }
            return identity
        } catch let error as CrosscheckError {
            throw error
        } catch {
            throw CrosscheckError(
                .storeFailed,
                "cannot use the PostgreSQL store at \(address) (\(Self.describe(error))); check that PostgreSQL runs there and the user, password and database are right",
                cause: error)
        }
    }

    /// Runs `body` with a store error that names the operation in place of a raw driver error.
    @discardableResult
    func run<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws -> T {
        try await prepared()
        do {
            return try await body()
        } catch let error as CrosscheckError {
            throw error
        } catch {
            throw CrosscheckError(
                .storeFailed,
                "the PostgreSQL store at \(address) could not \(what) (\(Self.describe(error))); try again, or check the server's log",
                cause: error)
        }
    }

    /// The posting index, when this machine has built one for this store.
    var index: PostingIndex? { state.withLock { $0.index } }

    /// Where this machine keeps the store's posting index (known once the store was reached).
    public func indexPath() async throws -> String {
        try await prepared()
        return state.withLock { $0.path ?? "" }
    }

    func setIndex(_ index: PostingIndex) { state.withLock { $0.index = index } }

    /// Fails with a clear error when `body` takes longer than `limit`: an unreachable server would
    /// otherwise leave the pool retrying for ever.
    static func withDeadline<T: Sendable>(_ limit: Duration, address: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw CrosscheckError(
                    .storeFailed,
                    "PostgreSQL at \(address) did not answer within \(Int(limit.inSeconds)) s; check that it runs and accepts connections from this machine"
                )
            }
            return value
        }
    }
}

/// What tells one database apart from another at the same address: made when its schema is.
struct StoreIdentity: Sendable {
    var id: String
}

extension PostgresStore: EvidenceStore {}

extension PostgresStore: JobStore {
    public var isShared: Bool { true }
}

extension PostgresStore: PeopleStore, ReviewStore {}

extension PostgresRandomAccessRow {
    /// The column `name`, decoded.
    func value<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try self[name].decode(T.self, context: .default)
    }
}

extension PostgresRowSequence {
    /// Every row, each as random access by column name.
    func all() async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in self { rows.append(row.makeRandomAccess()) }
        return rows
    }
}

extension PostgresStore {
    /// A driver error in a few words: the server's own message when it sent one.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return "PostgreSQL said: " + message + state
            }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// Runs one SQL statement as it is: for tests and benchmarks that reach past the protocols.
    package func execute(_ sql: String) async throws {
        try await run("run \(sql)") { try await fetch(PostgresQuery(unsafeSQL: sql), logger: logger) }
    }
}

extension PostgresStore {
    /// Runs `query` on a pooled connection and reads every row. The connection is leased for the
    /// call alone, so one lost mid-query still goes back to the pool.
    @discardableResult
    func fetch(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await withConnection { connection in try await connection.fetch(query, logger: logger) }
    }
}

extension PostgresConnection {
    /// Runs `query` and reads every row; fails when the connection closes before the answer.
    ///
    /// postgres-nio (1.33) writes a query to its channel without a promise, so a query sent just
    /// as the server closes the connection (a restart) is never answered and its caller would wait
    /// for ever. The query runs in a task of its own and a watcher fails the call once the
    /// connection is closed; the stranded task is left behind.
    @discardableResult
    func fetch(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        let answer = Answer<[PostgresRandomAccessRow]>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.wait(continuation)
            Task {
                do {
                    answer.give(.success(try await self.query(query, logger: logger).all()))
                } catch {
                    answer.give(.failure(error))
                }
            }
            Task {
                while !answer.isGiven {
                    try? await Task.sleep(for: .milliseconds(250))
                    if self.isClosed, !answer.isGiven {
                        try? await Task.sleep(for: .milliseconds(250))
                        answer.give(
                            .failure(CrosscheckError(.storeFailed, "the connection to PostgreSQL closed before it answered; try again")))
                    }
                }
            }
        }
    }
}

/// A result given once, to whoever waits for it: the first of the query and its watcher wins.
final class Answer<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Value, any Error>?, given: Bool)>((nil, false))

    var isGiven: Bool { state.withLock { $0.given } }

    func wait(_ continuation: CheckedContinuation<Value, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func give(_ result: Result<Value, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<Value, any Error>? in
            guard !state.given else { return nil }
            state.given = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}
