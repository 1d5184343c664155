import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// The ClaimReview preview of one claim and its publishing:
///
/// - `GET /articles/{id}/claims/{n}/claimreview` — the JSON-LD, what the linter finds wrong with
///   it, and the HTML snippet to paste into the published story.
/// - `POST /articles/{id}/claims/{n}/publish` — publishes it (editors; only a reviewed verdict,
///   only markup without problems).
struct ClaimReviewPage {
    var desk: ClaimReviewDesk

    struct Page: Sendable {
        var chrome: PageChrome
        var jobID: String
        var claim: Int
        var claimText: String
        var jsonLD: String
        var snippet: String
        var problems: [String]
        var reviewed: Bool
        var published: Bool
        var canPublish: Bool
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("articles/:id/claims/:n/claimreview") { request, context -> HTMLPage in
            let job = try await JobRoutes.job(context, in: desk.store)
            let draft = try await desk.draft(job: job, claim: try ClaimReviewRoutes.claimNumber(context))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let published = try await ArticlePage.publishedClaims(of: job.id, in: desk.store).contains(draft.claim)
            let problems = draft.markup.problems
            let page = Page(
                chrome: PageChrome(title: "ClaimReview", section: .queue, context: context), jobID: job.id, claim: draft.claim,
                claimText: draft.markup.claimReviewed, jsonLD: String(decoding: try encoder.encode(draft.markup), as: UTF8.self),
                snippet: try draft.markup.htmlSnippet(), problems: draft.reviewed ? problems : ["no one has reviewed this verdict yet"] + problems,
                reviewed: draft.reviewed, published: published,
                canPublish: (context.caller?.role ?? .viewer) >= .editor && draft.reviewed && problems.isEmpty && !published)
            return HTMLPage(html: PageRenderer.shared.render(page, "claimreview"))
        }
        router.post("articles/:id/claims/:n/publish") { request, context -> SeeOther in
            let caller = try context.require(.editor)
            let job = try await JobRoutes.job(context, in: desk.store)
            let draft = try await desk.draft(job: job, claim: try ClaimReviewRoutes.claimNumber(context))
            try await desk.publish(draft, by: caller)
            return SeeOther(location: "/articles/\(job.id)/claims/\(draft.claim)/claimreview")
        }
    }
}
