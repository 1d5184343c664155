public import Foundation

/// How the server listens and works.
public struct ServerConfiguration: Sendable, Hashable {
    /// The address to listen on. The default, loopback, keeps the server off the network.
    public var host: String
    public var port: Int
    /// The largest article accepted, in bytes.
    public var maxInputBytes: Int
    /// Articles analysed at once.
    public var concurrency: Int
    /// Whether this process analyses the queued articles itself; on a shared store the server only
    /// queues them, and `crosscheck worker` processes analyse them.
    public var runsJobs: Bool
    /// The organisation that publishes fact-checks (ClaimReview's `author`).
    public var publisherName: String
    /// Where the organisation publishes fact-checks; a published review's `url` is under it.
    public var publisherURL: String?
    /// Whether session cookies are marked Secure (sent over HTTPS only): set when a TLS proxy is in front.
    public var secureCookies: Bool

    /// The reader's side: which news sites may embed the Fact Checker box and ask for stories to be checked.
    public var reader: ReaderSettings

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxInputBytes: Int = 50_000_000, concurrency: Int = 1, publisherName: String = "Newsroom",
        publisherURL: String? = nil, secureCookies: Bool = false, reader: ReaderSettings = .init(), runsJobs: Bool = true
    ) {
        self.runsJobs = runsJobs
        self.reader = reader
        self.secureCookies = secureCookies
        self.host = host
        self.port = port
        self.maxInputBytes = maxInputBytes
        self.concurrency = concurrency
        self.publisherName = publisherName
        self.publisherURL = publisherURL
    }
}

/// The settings of the reader's side: the Fact Checker box, listening, and the comment hook.
public struct ReaderSettings: Sendable, Hashable {
    /// The origins (`https://news.example`) whose pages may call the public endpoints from a
    /// browser, and whose stories "Verify" may queue. Empty: the box works on this server's own
    /// pages only and no story can be queued from outside.
    public var origins: [String]
    /// Whether the box also shows the engine's unreviewed findings, labelled as such.
    public var showAutomated: Bool
    /// The shared secret comment platforms sign hook calls with; `nil` turns the hook off.
    public var hookSecret: String?
    /// Requests a minute one address may make to the public endpoints.
    public var requestsPerMinute: Int
    /// Where spoken audio is cached; `nil` is a folder under the system's temporary directory.
    public var audioDirectory: URL?
    /// The demo news page's folder (`Examples/demo`), served under `/demo/` when set.
    public var demoDirectory: URL?

    public init(
        origins: [String] = [], showAutomated: Bool = false, hookSecret: String? = nil, requestsPerMinute: Int = 120, audioDirectory: URL? = nil,
        demoDirectory: URL? = nil
    ) {
        self.origins = origins
        self.showAutomated = showAutomated
        self.hookSecret = hookSecret
        self.requestsPerMinute = requestsPerMinute
        self.audioDirectory = audioDirectory
        self.demoDirectory = demoDirectory
    }
}
