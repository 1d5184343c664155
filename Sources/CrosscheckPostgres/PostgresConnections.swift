import Logging
import PostgresNIO

/// The store's connections to its server: kept open between uses, at most `limit` at once. A
/// connection that broke is closed and replaced on a later use, so a restarted server costs the
/// calls under way at that moment and no more.
actor PostgresConnections {
    let configuration: PostgresConnection.Configuration
    let limit: Int
    /// How long making a connection may take, handshake included: a server in the middle of
    /// starting can leave a handshake unanswered.
    let connectTimeout: Duration
    let logger: Logger
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(configuration: PostgresConnection.Configuration, limit: Int, connectTimeout: Duration, logger: Logger) {
        self.configuration = configuration
        self.connectTimeout = connectTimeout
        self.limit = max(1, limit)
        self.logger = logger
    }

    /// An open connection: an idle one, else a new one while under the limit, else the next one given back.
    func lease() async throws -> PostgresConnection {
        while true {
            while let connection = idle.popLast() {
                if !connection.isClosed { return connection }
                open -= 1
            }
            if open < limit {
                open += 1
                nextID += 1
                do {
                    let (configuration, id, logger) = (configuration, nextID, logger)
                    return try await PostgresStore.withDeadline(
                        connectTimeout, address: "\(configuration.host ?? configuration.unixSocketPath ?? "")"
                    ) {
                        try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
                    }
                } catch {
                    open -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// Takes a connection back: kept when `healthy` and still open, else closed.
    func giveBack(_ connection: PostgresConnection, healthy: Bool) {
        if healthy, !connection.isClosed {
            idle.append(connection)
        } else {
            open -= 1
            connection.close().whenComplete { _ in _ = connection }
        }
        wakeOne()
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }

    /// Closes the idle connections.
    func closeIdle() {
        for connection in idle { connection.close().whenComplete { _ in _ = connection } }
        open -= idle.count
        idle.removeAll()
    }
}
