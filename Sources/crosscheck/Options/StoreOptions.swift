import ArgumentParser
import CrosscheckKit
import CrosscheckPostgres
import CrosscheckSQLite
import Foundation

/// Where the evidence store lives.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store: a SQLite file, or a shared PostgreSQL store as postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: $CROSSCHECK_DB, else ~/.local/share/crosscheck/crosscheck.sqlite).",
            valueName: "file-or-url"))
    var db: String?

    init() {}

    init(db: String?) {
        self.db = db
    }

    /// The store path: --db, then CROSSCHECK_DB, then the XDG data folder.
    var path: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CROSSCHECK_DB"], !path.isEmpty { return path }
        let data =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        return data + "/crosscheck/crosscheck.sqlite"
    }

    /// Opens the store, failing the command with the store's error.
    func open() throws -> any EvidenceStore {
        do {
            return try Self.open(path)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }

    /// The store as logs and messages may show it: an address without its password.
    var shown: String { Self.shown(path) }

    /// `path`, without the password of an address.
    static func shown(_ path: String) -> String {
        guard PostgresAddress.isPostgres(path) else { return path }
        return (try? PostgresAddress(path).description) ?? "a PostgreSQL address"
    }

    /// Whether the store is a shared PostgreSQL one.
    var isShared: Bool { Self.isShared(path) }

    /// Whether `path` is the address of a shared PostgreSQL store.
    static func isShared(_ path: String) -> Bool { PostgresAddress.isPostgres(path) }

    /// The embedded store at `file` to copy from, and the shared store at `address` to copy into.
    static func openForCopy(from file: String, to address: String) throws -> (source: any TransferSource, target: any TransferTarget) {
        guard isShared(address) else {
            throw CrosscheckError(
                .invalidArgument, "--to \(address) is not a PostgreSQL address; give postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        guard !isShared(file) else {
            throw CrosscheckError(.invalidArgument, "--from \(shown(file)) is a PostgreSQL address; give the SQLite file to copy")
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw CrosscheckError(.fileNotFound, "no store at \(file); give the SQLite file the server or commands used (their --db)")
        }
        return (try SQLiteEvidenceStore(path: file), try PostgresStore(address: address))
    }

    /// Opens the store at `path`: the one place the command line chooses a backend. A
    /// `postgres://` address opens the shared store; anything else is a SQLite file (and an
    /// address of another kind is refused by it).
    static func open(_ path: String) throws -> any EvidenceStore {
        try openForServer(path)
    }

    /// Opens the store at `path` with its job queue, people and reviews, for the server and `users`.
    static func openForServer(_ path: String) throws -> any EvidenceStore & JobStore & PeopleStore & ReviewStore {
        if PostgresAddress.isPostgres(path) { return try PostgresStore(address: path) }
        return try SQLiteEvidenceStore(path: path)
    }
}

/// Progress on standard error, only when it is a terminal.
struct Progress {
    let enabled = isatty(STDERR_FILENO) == 1
    let clock = ContinuousClock()
    let start = ContinuousClock().now
    var lastShown = ContinuousClock().now

    mutating func show(done: Int, total: Int?, unit: String, extra: String = "") {
        guard enabled, clock.now - lastShown > .milliseconds(200) else { return }
        lastShown = clock.now
        let elapsed = max(Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) / 1e18, 0.001)
        let rate = Double(done) / elapsed
        var line = "\r\(done) \(unit), \(Int(rate))/s"
        if let total, total > 0, rate > 0 {
            let remaining = Double(max(total - done, 0)) / rate
            line += String(format: ", %.0f%%, ETA %d:%02d", Double(done) * 100 / Double(total), Int(remaining) / 60, Int(remaining) % 60)
        }
        StandardError.write(line + extra + "   ")
    }

    func finish() {
        if enabled { StandardError.write("\r\u{1B}[K") }
    }
}
