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
            GET /health answers whether the store does. SIGTERM or SIGINT finish the articles under way, then stop.

            Examples:
              crosscheck serve
              crosscheck serve --port 8080 --db newsroom.sqlite --watch
              curl --data-binary @Examples/harbour-bridge.html -H 'Content-Type: text/html' localhost:8080/api/v1/articles
            """
    )

    @Option(help: "The address to listen on (default: loopback only; 0.0.0.0 for every interface).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "Articles analysed at once.")
    var workers: Int = 1

    @Option(help: "Largest article accepted, e.g. 50MB.")
    var maxInputSize: String = "50MB"

    @Option(help: "The organisation that publishes fact-checks (ClaimReview's author).")
    var publisher: String = "Newsroom"

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

    func run() async throws {
        let logger = global.bootstrapLogging()
        do {
            guard (1...65535).contains(port) else {
                throw CrosscheckError(.invalidArgument, "--port \(port) is not a port; give a number from 1 to 65535")
            }
            guard (1...64).contains(workers) else {
                throw CrosscheckError(.invalidArgument, "--workers \(workers) is out of range; give 1 to 64 (one per core is plenty)")
            }
            guard let maxBytes = ByteCount.parse(maxInputSize), maxBytes > 0 else {
                throw CrosscheckError(.invalidArgument, "--max-input-size \(maxInputSize) is not a size; write it like 50MB or 500KB")
            }
            let opened = try StoreOptions.openForServer(store.path)
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
            logger.notice("serving", metadata: ["address": "http://\(host):\(port)", "db.path": "\(store.path)"])
            try await CrosscheckServer.run(
                store: opened, engine: engine, configuration: configuration, extraServices: extra, metrics: metrics, logger: logger)
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
