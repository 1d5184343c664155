import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: request counts and durations, jobs done and failed, analysis durations, in
/// Prometheus's text format. Like `/health` it needs no token; expose it to the scraper only.
struct MetricsRoutes {
    var registry: PrometheusCollectorRegistry

    func add(to router: Router<WorkbenchContext>) {
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
