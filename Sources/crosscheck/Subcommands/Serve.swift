import ArgumentParser
import CrosscheckFetch
import CrosscheckKit
import CrosscheckServer
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the newsroom server: the JSON API, with articles analysed in a background queue.",
        discussion: """
            Articles are submitted with POST /api/v1/articles (the body is the HTML, text or JSON) and \
            analysed in the background; GET /api/v1/jobs/ID follows a job and GET /api/v1/jobs/ID/report \
            fetches its report. The queue lives in the store, so jobs interrupted by a restart are resumed. \
            GET /health answers whether the store does. SIGTERM or SIGINT finish the articles under way, then stop. \
            The review pages are at /, for people added with crosscheck users add NAME --password-stdin.

            The reader's side: /widget.js is the Fact Checker box a news page embeds; /public/v1/findings, \
            /public/v1/verify and /public/v1/listen serve it (CORS for --public-origin sites only, rate-limited); \
            /hooks/coral and /hooks/comments screen new comments for comment platforms, signed with the shared \
            secret in CROSSCHECK_HOOK_SECRET. --demo serves a demo news page at /demo.

            Settings come from the flags, else the environment (CROSSCHECK_HOST, CROSSCHECK_PORT, CROSSCHECK_WORKERS, \
            CROSSCHECK_MAX_INPUT_SIZE, CROSSCHECK_PUBLISHER, CROSSCHECK_PUBLISHER_URL, CROSSCHECK_SECURE_COOKIES, \
            CROSSCHECK_WATCH, CROSSCHECK_PUBLIC_ORIGINS, CROSSCHECK_SHOW_AUTOMATED, CROSSCHECK_HOOK_SECRET, \
            CROSSCHECK_PUBLIC_RATE_LIMIT, CROSSCHECK_AUDIO_CACHE, CROSSCHECK_DB), else a JSON config file (--config FILE \
            or CROSSCHECK_CONFIG) with the keys host, port, workers, max_input_size, publisher, publisher_url, \
            secure_cookies, watch, public_origins, show_automated, hook_secret, public_rate_limit, audio_cache and db.

            Examples:
              crosscheck serve
              crosscheck serve --port 8080 --db newsroom.sqlite --watch
              crosscheck serve --config /etc/crosscheck/serve.json
              crosscheck serve --demo --public-origin https://news.example
              curl --data-binary @Examples/harbour-bridge.html -H 'Content-Type: text/html' localhost:8080/api/v1/articles
            """
    )

    @Option(help: "A JSON file of settings, below the environment and the flags (default: $CROSSCHECK_CONFIG).")
    var config: String?

    @Option(help: "The address to listen on (default: 127.0.0.1, loopback only; 0.0.0.0 for every interface).")
    var host: String?

    @Option(help: "The port to listen on (default: 8080).")
    var port: Int?

    @Option(help: "Articles analysed at once (default: 1).")
    var workers: Int?

    @Option(help: "Largest article accepted, e.g. 50MB (the default).")
    var maxInputSize: String?

    @Option(help: "The organisation that publishes fact-checks, ClaimReview's author (default: Newsroom).")
    var publisher: String?

    @Option(help: "Where the organisation publishes fact-checks (published reviews get URLs under it).")
    var publisherUrl: String?

    @Flag(help: "Mark session cookies Secure (HTTPS only): use when a TLS proxy is in front of the server.")
    var secureCookies = false

    @Flag(help: "Also poll the store's sources as they fall due (as crosscheck watch does).")
    var watch = false

    @Option(
        name: .customLong("public-origin"),
        help: "A news site that may embed the Fact Checker box and queue its stories, like https://news.example (repeat for more).")
    var publicOrigins: [String] = []

    @Flag(help: "Show readers the engine's unreviewed findings too, labelled as automated.")
    var showAutomated = false

    @Option(help: "Requests a minute one address may make to the public endpoints (default: 120).")
    var publicRateLimit: Int?

    @Option(help: "Where spoken audio is cached (default: the store's path with .audio added; ~/.cache/crosscheck/audio on a shared store).")
    var audioCache: String?

    @Flag(help: "Serve the demo news page at /demo/ (the bundled example with the box, the player and a comment form), and analyse it.")
    var demo = false

    @Option(help: "The demo page's folder (default: Examples/demo).")
    var demoDir: String?

    @OptionGroup var polling: PollingOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var global: GlobalOptions

    /// The settings in force: flags, else the environment, else the config file, else the defaults.
    func settings(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServeSettings {
        let defaults = ServeSettings(host: "127.0.0.1", port: 8080, workers: 1, maxInputSize: "50MB", publisher: "Newsroom")
        let path = config ?? environment["CROSSCHECK_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file = try path.map(ServeSettings.file) ?? ServeSettings()
        let flags = ServeSettings(
            host: host, port: port, workers: workers, maxInputSize: maxInputSize, publisher: publisher, publisherUrl: publisherUrl,
            secureCookies: secureCookies ? true : nil, watch: watch ? true : nil, db: store.db,
            publicOrigins: publicOrigins.isEmpty ? nil : publicOrigins, showAutomated: showAutomated ? true : nil, publicRateLimit: publicRateLimit,
            audioCache: audioCache)
        var settings = defaults.overridden(by: file).overridden(by: try ServeSettings.environment(environment)).overridden(by: flags)
        // The store: --db, else CROSSCHECK_DB, else the file's, else the default place.
        settings.db = store.db ?? environment["CROSSCHECK_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? file.db ?? store.path
        return settings
    }

    /// Where a setting came from, for messages: `--port`, `CROSSCHECK_PORT`, or `port in the config file`.
    func origin(flag: Bool, _ key: String, _ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if flag { return "--" + key.replacingOccurrences(of: "_", with: "-") }
        let variable = "CROSSCHECK_" + key.uppercased()
        if let value = environment[variable], !value.isEmpty { return variable }
        return "\(key) in the config file"
    }

    /// The reader's side's settings, checked.
    func readerSettings(_ settings: ServeSettings, storePath: String) throws -> ReaderSettings {
        let origins = try (settings.publicOrigins ?? []).map {
            try ServeSettings.origin($0, from: publicOrigins.isEmpty ? origin(flag: false, "public_origins") : "--public-origin")
        }
        let rate = settings.publicRateLimit ?? 120
        guard (1...1_000_000).contains(rate) else {
            throw CrosscheckError(
                .invalidArgument, "\(origin(flag: publicRateLimit != nil, "public_rate_limit")) \(rate) is out of range; give 1 to 1000000 a minute")
        }
        if let secret = settings.hookSecret, secret.count < 16 {
            throw CrosscheckError(
                .invalidArgument, "the hook secret is \(secret.count) characters; give at least 16 (openssl rand -hex 32 makes one)")
        }
        var demoDirectory: URL?
        if demo {
            let folder = URL(fileURLWithPath: demoDir ?? "Examples/demo")
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else {
                throw CrosscheckError(
                    .fileNotFound, "no demo page at \(folder.path)/index.html; run from the repository's folder or give --demo-dir")
            }
            demoDirectory = folder
        }
        let audio = settings.audioCache ?? (StoreOptions.isShared(storePath) ? Self.sharedAudioCache : storePath + ".audio")
        if audio.contains("://") {
            throw CrosscheckError(
                .invalidArgument, "the audio cache \(audio) is not a folder path; give a folder such as /var/cache/crosscheck-audio")
        }
        return ReaderSettings(
            origins: origins, showAutomated: (settings.showAutomated ?? false) || demo, hookSecret: settings.hookSecret, requestsPerMinute: rate,
            audioDirectory: URL(fileURLWithPath: audio), demoDirectory: demoDirectory)
    }

    /// Where a server on a shared store caches spoken audio unless told: a folder of this machine.
    static var sharedAudioCache: String { CacheFolder.path() + "/audio" }

    /// Queues the demo page for analysis unless the store has it already.
    func queueDemo(_ folder: URL, in store: any JobStore, logger: Logger) async throws {
        let page = folder.appendingPathComponent("index.html")
        let data = try Data(contentsOf: page)
        let input = ArticleInput(data: data, name: "demo/index.html", contentType: "text/html")
        guard let url = try ArticleReader().read(input).article.url else {
            throw CrosscheckError(.invalidArgument, "the demo page \(page.path) has no canonical link; add <link rel=\"canonical\" href=…>")
        }
        guard try await store.jobs(url: url, limit: 1).isEmpty else { return }
        _ = try await store.enqueue(ArticleInput(data: data, name: "demo/index.html", url: url, contentType: "text/html"))
        logger.notice("demo page queued for analysis", metadata: ["url": "\(url)"])
    }

    func run() async throws {
        let logger = global.bootstrapLogging()
        do {
            let settings = try settings()
            let host = settings.host ?? "127.0.0.1", port = settings.port ?? 8080, workers = settings.workers ?? 1
            let maxInputSize = settings.maxInputSize ?? "50MB", publisher = settings.publisher ?? "Newsroom"
            let publisherUrl = settings.publisherUrl, secureCookies = settings.secureCookies ?? false, watch = settings.watch ?? false
            let storePath = settings.db ?? store.path
            guard (1...65535).contains(port) else {
                throw CrosscheckError(
                    .invalidArgument, "\(origin(flag: self.port != nil, "port")) \(port) is not a port; give a number from 1 to 65535")
            }
            guard (1...64).contains(workers) else {
                throw CrosscheckError(
                    .invalidArgument,
                    "\(origin(flag: self.workers != nil, "workers")) \(workers) is out of range; give 1 to 64 (one per core is plenty)")
            }
            guard let maxBytes = ByteCount.parse(maxInputSize), maxBytes > 0 else {
                throw CrosscheckError(
                    .invalidArgument,
                    "\(origin(flag: self.maxInputSize != nil, "max_input_size")) \(maxInputSize) is not a size; write it like 50MB or 500KB")
            }
            let reader = try readerSettings(settings, storePath: storePath)
            let opened = try StoreOptions.openForServer(storePath)
            let engine = try modelOptions.engine()
            // Load the article models before the first request rather than during it.
            _ = try engine.articleChecker()
            var extra: [any Service] = []
            if watch { extra.append(PollingService(poller: try polling.poller(store: opened), logger: logger)) }
            if let publisherUrl, URL(string: publisherUrl)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                throw CrosscheckError(
                    .invalidArgument, "--publisher-url \(publisherUrl) is not an http(s) address; give the fact-check section's URL")
            }
            let configuration = ServerConfiguration(
                host: host, port: port, maxInputBytes: maxBytes, concurrency: workers, publisherName: publisher, publisherURL: publisherUrl,
                secureCookies: secureCookies, reader: reader, runsJobs: !StoreOptions.isShared(storePath))
            if !configuration.runsJobs {
                logger.notice("the store is shared: articles are queued for crosscheck worker processes, not analysed here")
            }
            if let demo = reader.demoDirectory { try await queueDemo(demo, in: opened, logger: logger) }
            let metrics = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
            logger.notice("serving", metadata: ["address": "http://\(host):\(port)", "db": "\(StoreOptions.shown(storePath))"])
            try await CrosscheckServer.run(
                store: opened, engine: engine, configuration: configuration, extraServices: extra, metrics: metrics, logger: logger)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
