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

            Settings come from the flags, else the environment (CROSSCHECK_HOST, CROSSCHECK_PORT, CROSSCHECK_WORKERS, \
            CROSSCHECK_MAX_INPUT_SIZE, CROSSCHECK_PUBLISHER, CROSSCHECK_PUBLISHER_URL, CROSSCHECK_SECURE_COOKIES, \
            CROSSCHECK_WATCH, CROSSCHECK_DB), else a JSON config file (--config FILE or CROSSCHECK_CONFIG) with the keys \
            host, port, workers, max_input_size, publisher, publisher_url, secure_cookies, watch and db.

            Examples:
              crosscheck serve
              crosscheck serve --port 8080 --db newsroom.sqlite --watch
              crosscheck serve --config /etc/crosscheck/serve.json
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
            secureCookies: secureCookies ? true : nil, watch: watch ? true : nil, db: store.db)
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
                secureCookies: secureCookies)
            let metrics = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
            logger.notice("serving", metadata: ["address": "http://\(host):\(port)", "db.path": "\(storePath)"])
            try await CrosscheckServer.run(
                store: opened, engine: engine, configuration: configuration, extraServices: extra, metrics: metrics, logger: logger)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
