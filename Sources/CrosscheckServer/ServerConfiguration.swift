/// How the server listens and works.
public struct ServerConfiguration: Sendable, Hashable {
    /// The address to listen on. The default, loopback, keeps the server off the network.
    public var host: String
    public var port: Int
    /// The largest article accepted, in bytes.
    public var maxInputBytes: Int
    /// Articles analysed at once.
    public var concurrency: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, maxInputBytes: Int = 50_000_000, concurrency: Int = 1) {
        self.host = host
        self.port = port
        self.maxInputBytes = maxInputBytes
        self.concurrency = concurrency
    }
}
