import CrosscheckKit
import Hummingbird

/// `GET /health`: whether the store answers. Load balancers and service managers poll it.
struct HealthRoutes {
    var store: any EvidenceStore

    struct Health: Encodable, Sendable {
        var status: String
        var version: String
        var documents: Int
        var factChecks: Int
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("health") { _, _ -> JSONResponse<Health> in
            do {
                let statistics = try await store.statistics()
                return JSONResponse(
                    value: Health(
                        status: "ok", version: CrosscheckVersion.current, documents: statistics.documents, factChecks: statistics.factChecks))
            } catch {
                throw Problem(
                    .serviceUnavailable, "Store unavailable", detail: "the store does not answer (\(error)); check the --db file and its disk",
                    type: "urn:crosscheck:error:storeFailed")
            }
        }
    }
}
