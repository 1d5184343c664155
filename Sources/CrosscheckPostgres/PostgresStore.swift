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
    let client: PostgresClient
    /// Where the store is, without its password.
    public let address: String
    let logger: Logger
    private let running: Task<Void, Never>
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
    /// - Throws: ``CrosscheckError`` (`invalidArgument`) when the address cannot be read.
    public init(address text: String, indexFolder: String? = nil, logger: Logger = Logger(label: "crosscheck.postgres")) throws {
        let address = try PostgresAddress(text)
        self.address = address.description
        self.logger = logger
        var configuration = address.configuration
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
        let described = address.description
        ready = Task {
            try await Self.withDeadline(.seconds(20), address: described) {
                try await PostgresMigrations.migrate(client, logger: logger)
            }
        }
        let environment = ProcessInfo.processInfo.environment
        self.indexFolder =
            indexFolder ?? environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/crosscheck" }
            ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.cache/crosscheck"
    }

    deinit {
        ready.cancel()
        running.cancel()
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
                "cannot use the PostgreSQL store at \(address) (\(String(reflecting: error))); check that PostgreSQL runs there and the user, password and database are right",
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
                "the PostgreSQL store at \(address) could not \(what) (\(String(reflecting: error))); try again, or check the server's log",
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
