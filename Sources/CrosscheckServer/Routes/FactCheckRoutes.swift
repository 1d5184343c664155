import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// The organisation's fact-check database:
///
/// - `GET /api/v1/factchecks` (`?limit=`, `?offset=`) — stored fact-checks, oldest first. Viewers.
/// - `POST /api/v1/factchecks` — imports fact-checks: ClaimReview JSON-LD (one object, a list, or
///   a page's markup), JSON Lines, or a Fact Check Tools answer, as `crosscheck factchecks import`
///   reads them. Editors.
/// - `DELETE /api/v1/factchecks/{id}` — removes one. Editors.
struct FactCheckRoutes {
    var store: any FactCheckStore & ReviewStore
    var maxInputBytes: Int

    struct Imported: Encodable, Sendable {
        var read: Int
        var added: Int
        var problems: [String]
    }

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.get("factchecks") { request, context -> JSONResponse<[FactCheck]> in
            _ = try context.require(.viewer)
            let query = request.uri.queryParameters
            let limit = min(max(query["limit"].flatMap { Int($0) } ?? 100, 1), 10_000)
            let offset = max(query["offset"].flatMap { Int($0) } ?? 0, 0)
            return JSONResponse(value: Array(try await store.factChecks().dropFirst(offset).prefix(limit)))
        }
        api.post("factchecks") { request, context -> JSONResponse<Imported> in
            let caller = try context.require(.editor)
            var request = request
            let buffer = try await request.body(
                upTo: maxInputBytes, title: "Import too large", detail: "the body is larger than \(maxInputBytes) bytes; import it in parts")
            let result = try FactCheckReader().read(Data(buffer.readableBytesView), name: "the request body")
            guard !result.factChecks.isEmpty else {
                throw Problem(
                    .unprocessableContent, "No fact-checks",
                    detail: "the body holds no fact-check; send ClaimReview JSON-LD, JSON Lines or a Fact Check Tools answer"
                        + (result.problems.isEmpty ? "" : " (\(result.problems.prefix(3).joined(separator: "; ")))"),
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let added = try await store.add(result.factChecks)
            try await store.append(
                AuditEntry(
                    at: ISO8601DateFormatter().string(from: Date()), actor: caller.name, action: "factchecks.import", subject: "factchecks",
                    after: "\(result.factChecks.count) read, \(added) new"))
            return JSONResponse(status: .created, value: Imported(read: result.factChecks.count, added: added, problems: result.problems))
        }
        api.delete("factchecks/:id") { request, context -> Response in
            let caller = try context.require(.editor)
            let id = try context.pathValue("id")
            guard try await store.removeFactCheck(id: id) else {
                throw Problem(
                    .notFound, "No such fact-check", detail: "there is no fact-check \(id); see GET /api/v1/factchecks",
                    type: "urn:crosscheck:error:notFound")
            }
            try await store.append(
                AuditEntry(
                    at: ISO8601DateFormatter().string(from: Date()), actor: caller.name, action: "factcheck.remove", subject: "factcheck:\(id)"))
            return Response(status: .noContent)
        }
    }
}
