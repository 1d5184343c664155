import CrosscheckKit
import Foundation
import Hummingbird
import NIOCore

/// Submitting articles and following their jobs:
///
/// - `POST /api/v1/articles` — the body is the article (HTML, plain text or JSON, told apart by
///   `Content-Type` or by sniffing); `?url=` gives the page's own address, and with an empty body the
///   server fetches the page there. Answers 202 with the job.
/// - `GET /api/v1/jobs` (`?state=queued|running|done|failed`, `?limit=`) — the newest jobs.
/// - `GET /api/v1/jobs/{id}` — one job.
/// - `GET /api/v1/jobs/{id}/report` — its report, the JSON `crosscheck check --format json` writes.
struct JobRoutes {
    var jobs: any JobStore
    var wakeups: Wakeups
    var maxInputBytes: Int

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.post("articles") { request, context -> JSONResponse<JobView> in
            _ = try context.require(.analyst)
            var request = request
            let buffer = try await request.body(
                upTo: maxInputBytes, title: "Article too large",
                detail: "the article is larger than \(maxInputBytes) bytes; send the article body only, or raise the server's limit")
            let url = request.uri.queryParameters["url"].map(String.init)
            guard buffer.readableBytes > 0 || url != nil else {
                throw Problem(
                    .badRequest, "Empty article",
                    detail:
                        "the request has no body; send the article's HTML, text or JSON as the body, or give ?url= alone for the server to fetch the page",
                    type: "urn:crosscheck:error:emptyArticle")
            }
            if let url, URL(string: url)?.scheme.map({ ["http", "https"].contains($0.lowercased()) }) != true {
                throw Problem(
                    .badRequest, "Bad page address", detail: "url=\(url) is not an http(s) address; give the page's own URL or leave it out",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let submission = ArticleInput(
                data: Data(buffer.readableBytesView), name: request.uri.queryParameters["name"].map(String.init) ?? url ?? "submitted article",
                url: url, contentType: request.headers[.contentType])
            let job = try await jobs.enqueue(submission)
            wakeups.signal()
            return JSONResponse(status: .accepted, value: JobView(job), headers: [.location: "/api/v1/jobs/\(job.id)"])
        }
        api.get("jobs") { request, context -> JSONResponse<[JobView]> in
            _ = try context.require(.viewer)
            let state = try request.uri.queryParameters["state"].map { raw in
                guard let state = AnalysisJob.State(rawValue: String(raw)) else {
                    throw Problem(
                        .badRequest, "Unknown state", detail: "state=\(raw) is not a job state; use queued, running, done or failed",
                        type: "urn:crosscheck:error:invalidArgument")
                }
                return state
            }
            let limit = request.uri.queryParameters["limit"].flatMap { Int($0) } ?? 50
            return JSONResponse(value: try await jobs.jobs(state: state, limit: min(max(limit, 1), 500)).map(JobView.init))
        }
        api.get("jobs/:id") { request, context -> JSONResponse<JobView> in
            JSONResponse(value: JobView(try await Self.job(context, in: jobs)))
        }
        api.get("jobs/:id/report") { request, context -> RawJSONResponse in
            _ = try context.require(.viewer)
            // The common case in one query: a done job's report.
            if let report = try await jobs.report(forJob: try context.parameters.require("id")) { return RawJSONResponse(data: report) }
            let job = try await Self.job(context, in: jobs)
            guard job.state == .done, let report = try await jobs.report(forJob: job.id) else {
                throw Problem(
                    .conflict, "No report yet",
                    detail: job.state == .failed
                        ? "the job failed: \(job.error ?? "no reason recorded"); fix the input and submit it again"
                        : "the job is \(job.state.rawValue); ask again when GET /api/v1/jobs/\(job.id) says done",
                    type: "urn:crosscheck:error:notReady")
            }
            return RawJSONResponse(data: report)
        }
    }

    /// The job named in the path.
    static func job(_ context: WorkbenchContext, in jobs: any JobStore) async throws -> AnalysisJob {
        _ = try context.require(.viewer)
        let id = try context.parameters.require("id")
        guard let job = try await jobs.job(id: id) else {
            throw Problem(
                .notFound, "No such job", detail: "there is no job \(id); list jobs with GET /api/v1/jobs", type: "urn:crosscheck:error:notFound")
        }
        return job
    }
}
