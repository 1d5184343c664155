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
            let note = asked.note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else {
                throw Problem(
                    .badRequest, "Note missing", detail: "every review needs a note saying why", type: "urn:crosscheck:error:invalidArgument")
            }
            guard job.state == .done, let data = try await jobs.report(forJob: job.id) else {
                throw Problem(
                    .conflict, "No report yet", detail: "job \(job.id) is \(job.state.rawValue); review it once it is done",
                    type: "urn:crosscheck:error:notReady")
            }
            let earlier = try await reviews.reviews(ofJob: job.id).last { $0.target == asked.target }
            guard let engineValue = try ReportFindings(data).value(of: asked.target) else {
                throw Problem(
                    .notFound, "No such finding",
                    detail: "the report of job \(job.id) has no \(asked.target.text); see GET /api/v1/jobs/\(job.id)/report",
                    type: "urn:crosscheck:error:notFound")
            }
            let before = earlier?.after ?? engineValue
            var after = before
            if asked.action == .override {
                guard let value = asked.value, asked.target.allowedValues.contains(value) else {
                    throw Problem(
                        .badRequest, "Bad value",
                        detail: "an override of \(asked.target.text) sets one of: \(asked.target.allowedValues.sorted().joined(separator: ", "))",
                        type: "urn:crosscheck:error:invalidArgument")
                }
                after = value
            }
            let review = Review(
                id: 0, job: job.id, target: asked.target, action: asked.action, before: before, after: after, note: note, reviewer: caller.name,
                at: ISO8601DateFormatter().string(from: Date()))
            return JSONResponse(status: .created, value: try await reviews.record(review))
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
