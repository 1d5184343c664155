import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// The polled sources:
///
/// - `GET /api/v1/sources` — every source with its last poll. Viewers.
/// - `POST /api/v1/sources` — `{"url", "kind"?: "feed" | "sitemap" | "page" | "claimreview",
///   "every"?: "15m", "name"?}`: adds or updates a source (`crosscheck serve --watch` polls it). Editors.
/// - `DELETE /api/v1/sources/{name}` — stops polling it (its documents stay). Editors.
struct SourceRoutes {
    var store: any SourceStore & ReviewStore

    struct NewSource: Decodable {
        var url: String
        var kind: SourceRecord.Kind?
        var every: String?
        var name: String?
    }

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.get("sources") { request, context -> JSONResponse<[SourceRecord]> in
            _ = try context.require(.viewer)
            return JSONResponse(value: try await store.sources())
        }
        api.post("sources") { request, context -> JSONResponse<SourceRecord> in
            let caller = try context.require(.editor)
            guard let asked = try? await request.decode(as: NewSource.self, context: context) else {
                throw Problem(
                    .badRequest, "Bad source",
                    detail: "send {\"url\": …, \"kind\"?: \"feed\" | \"sitemap\" | \"page\" | \"claimreview\", \"every\"?: \"15m\", \"name\"?: …}",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            guard let seconds = Interval.seconds(asked.every ?? "15m") else {
                throw Problem(
                    .badRequest, "Bad interval", detail: "every=\(asked.every ?? "") is not an interval; write it like 15m, 1h or 1d",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            guard let canonical = URLCanonicalizer.canonical(asked.url), let host = URLCanonicalizer.host(canonical) else {
                throw Problem(
                    .badRequest, "Bad address", detail: "\(asked.url) is not an http(s) URL; give a full URL such as https://news.example/feed.xml",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let source = SourceRecord(name: asked.name ?? host, url: asked.url, kind: asked.kind ?? .feed, every: seconds)
            try await store.save(source)
            try await store.append(
                AuditEntry(
                    at: ISO8601DateFormatter().string(from: Date()), actor: caller.name, action: "source.add", subject: "source:\(source.name)",
                    after: source.url))
            return JSONResponse(status: .created, value: source)
        }
        api.delete("sources/:name") { request, context -> Response in
            let caller = try context.require(.editor)
            let name = try context.pathValue("name")
            guard try await store.removeSource(named: name) else {
                throw Problem(
                    .notFound, "No such source", detail: "there is no source called \(name); see GET /api/v1/sources",
                    type: "urn:crosscheck:error:notFound")
            }
            try await store.append(
                AuditEntry(at: ISO8601DateFormatter().string(from: Date()), actor: caller.name, action: "source.remove", subject: "source:\(name)"))
            return Response(status: .noContent)
        }
    }
}
