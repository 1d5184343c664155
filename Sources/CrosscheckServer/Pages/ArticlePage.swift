import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// The article page and its forms:
///
/// - `GET /articles/{id}` — the text with its check-worthy claims and technique marks, a card per
///   claim with the engine's verdict, passages and earlier fact-checks, and the review forms; while
///   the job is analysed, its state (the page reloads itself).
/// - `POST /articles/{id}/reviews` — a form (`target`, `value`, `note`): sets a finding, a
///   confirmation when the value is unchanged. Analysts and up.
struct ArticlePage {
    var store: any CrosscheckServer.Store

    struct Page: Sendable {
        var chrome: PageChrome
        var jobID: String
        var name: String
        var pending: String?
        var failure: String?
        var view: ArticleView?
        var reportHref: String
        var commentsHref: String
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("articles/:id") { request, context -> HTMLPage in
            let job = try await JobRoutes.job(context, in: store)
            var chrome = PageChrome(title: job.submission.name, section: .queue, context: context)
            var page = Page(
                chrome: chrome, jobID: job.id, name: job.submission.name, reportHref: "/api/v1/jobs/\(job.id)/report",
                commentsHref: "/articles/\(job.id)/comments")
            switch job.state {
            case .queued, .running:
                page.pending =
                    job.state == .queued
                    ? "Waiting for the analysis to start; this page reloads itself." : "Being analysed; this page reloads itself."
                chrome.refresh = 2
            case .failed:
                page.failure = job.error ?? "no reason recorded"
            case .done:
                let report = try await Self.report(of: job, in: store)
                chrome.title = report.article.title ?? job.submission.name
                page.view = ArticleView(
                    job: job.id, report: report, reviews: try await store.reviews(ofJob: job.id),
                    published: try await Self.publishedClaims(of: job.id, in: store), role: context.caller?.role ?? .viewer)
            }
            page.chrome = chrome
            return HTMLPage(html: PageRenderer.shared.render(page, "article"))
        }
        router.post("articles/:id/reviews") { request, context -> SeeOther in
            let caller = try context.require(.analyst)
            let job = try await JobRoutes.job(context, in: store)
            var request = request
            let form = try await FormFields(collecting: &request, upTo: 64 * 1024)
            guard let targetText = form.text("target"), let target = Review.Target(text: targetText), let value = form.text("value") else {
                throw Problem(
                    .badRequest, "Bad review", detail: "the form lacks its finding or value; reload the article page and try again",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            _ = try await ReviewDesk(jobs: store, reviews: store).record(
                job: job, target: target, action: nil, value: value, note: form["note"] ?? "", by: caller)
            switch target {
            case .verdict(let claim), .checkworthiness(let claim): return SeeOther(location: "/articles/\(job.id)#claim-\(claim)")
            case .comment(let id): return SeeOther(location: "/articles/\(job.id)/comments#comment-\(id)")
            }
        }
    }

    /// The stored report of a done job.
    static func report(of job: AnalysisJob, in store: any JobStore) async throws -> Report {
        guard let data = try await store.report(forJob: job.id) else {
            throw Problem(.conflict, "No report yet", detail: "job \(job.id) is \(job.state.rawValue)", type: "urn:crosscheck:error:notReady")
        }
        do {
            return try JSONReportRenderer.decoder().decode(Report.self, from: data)
        } catch {
            throw Problem(
                .internalServerError, "Damaged report",
                detail: "the stored report of job \(job.id) cannot be read (\(error)); submit the article again")
        }
    }

    /// The claims of `job` published as ClaimReview, by their position in the report.
    static func publishedClaims(of job: String, in store: any ReviewStore) async throws -> Set<Int> {
        var claims: Set<Int> = []
        for entry in try await store.auditLog(subject: job, actor: nil, limit: 100_000) where entry.action == ClaimReviewDesk.publishAction {
            if let detail = entry.detail, case .verdict(let claim) = Review.Target(text: detail) { claims.insert(claim) }
        }
        return claims
    }
}
