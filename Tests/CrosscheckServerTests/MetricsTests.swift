import CrosscheckKit
import CrosscheckServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import NIOCore
import Prometheus
import Testing

@Suite("Server metrics")
struct MetricsTests {
    /// swift-metrics has one backend per process; the tests that read metrics share it.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    @Test func metricsCountRequestsAndAnalysedJobs() async throws {
        let store = try ServerAPITests.store()
        let analyst = try await ServerAPITests.token(store, "ana", role: .analyst)
        let app = CrosscheckServer.application(
            store: store, engine: ServerAPITests.engine, configuration: ServerConfiguration(), metrics: Self.registry,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.test(.router) { client in
            _ = try await ServerReviewTests.analysed(client, auth: analyst)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = String(buffer: metrics.body)
            // Other suites' runners count into the same process-wide backend, so at least this job.
            let done = text.split(separator: "\n").first { $0.hasPrefix(#"crosscheck_jobs_total{state="done"} "#) }
            #expect((done?.split(separator: " ").last).flatMap { Double($0) } ?? 0 >= 1)
            #expect(text.contains("crosscheck_analysis_duration_seconds"))
            #expect(text.contains("hb_requests") || text.contains("http_server_request_duration"))
        }
    }
}
