/// How the server listens and works.
public struct ServerConfiguration: Sendable, Hashable {
    /// The address to listen on. The default, loopback, keeps the server off the network.
    public var host: String
    public var port: Int
    /// The largest article accepted, in bytes.
    public var maxInputBytes: Int
    /// Articles analysed at once.
    public var concurrency: Int
    /// The organisation that publishes fact-checks (ClaimReview's `author`).
    public var publisherName: String
    /// Where the organisation publishes fact-checks; a published review's `url` is under it.
    public var publisherURL: String?
    /// Whether session cookies are marked Secure (sent over HTTPS only): set when a TLS proxy is in front.
    public var secureCookies: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxInputBytes: Int = 50_000_000, concurrency: Int = 1, publisherName: String = "Newsroom",
        publisherURL: String? = nil, secureCookies: Bool = false
    ) {
        self.secureCookies = secureCookies
        self.host = host
        self.port = port
        self.maxInputBytes = maxInputBytes
        self.concurrency = concurrency
        self.publisherName = publisherName
        self.publisherURL = publisherURL
    }
}
