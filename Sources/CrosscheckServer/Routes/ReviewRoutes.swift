import CrosscheckKit
import Foundation
import Hummingbird
import NIOCore

/// Reviews and the audit log:
///
/// - `POST /api/v1/jobs/{id}/reviews` — `{"target": "claim:3:verdict", "action": "confirm" |
///   "override", "value"?: "refuted", "note": "why"}`: confirm or override one finding of a done
///   job's report (a claim's verdict or check-worthiness, a comment's flag). Analysts and up.
/// - `GET /api/v1/jobs/{id}/reviews` — the job's reviews, oldest first.
/// - `GET /api/v1/audit` (`?subject=JOB`, `?actor=NAME`, `?limit=`, `?format=jsonl`) — every change.
struct ReviewRoutes {
    var jobs: any JobStore
    var reviews: any ReviewStore

    struct ReviewRequest: Decodable {
        var target: Review.Target
        var action: Review.Action
        var value: String?
        var note: String
    }

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.post("jobs/:id/reviews") { request, context -> JSONResponse<Review> in
            let caller = try context.require(.analyst)
            let job = try await JobRoutes.job(context, in: jobs)
            let asked: ReviewRequest
            do {
                asked = try await request.decode(as: ReviewRequest.self, context: context)
            } catch {
                throw Problem(
                    .badRequest, "Bad review",
                    detail:
                        "send {\"target\": \"claim:N:verdict\" | \"claim:N:checkworthy\" | \"comment:ID\", \"action\": \"confirm\" | \"override\", \"value\": …, \"note\": \"why\"}",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let review = try await ReviewDesk(jobs: jobs, reviews: reviews).record(
                job: job, target: asked.target, action: asked.action, value: asked.value, note: asked.note, by: caller)
            return JSONResponse(status: .created, value: review)
        }
        api.get("jobs/:id/reviews") { request, context -> JSONResponse<[Review]> in
            let job = try await JobRoutes.job(context, in: jobs)
            return JSONResponse(value: try await reviews.reviews(ofJob: job.id))
        }
        api.get("audit") { request, context -> Response in
            _ = try context.require(.viewer)
            let query = request.uri.queryParameters
            let limit = query["limit"].flatMap { Int($0) } ?? 1000
            let entries = try await reviews.auditLog(
                subject: query["subject"].map(String.init), actor: query["actor"].map(String.init), limit: min(max(limit, 1), 100_000))
            if query["format"] == "jsonl" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                var data = Data()
                for entry in entries {
                    data.append(try encoder.encode(entry))
                    data.append(0x0A)
                }
                return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            return try JSONResponse(value: entries).response(from: request, context: context)
        }
    }
}
