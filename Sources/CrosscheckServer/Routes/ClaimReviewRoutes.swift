import CrosscheckKit
import Foundation
import Hummingbird

/// ClaimReview for reviewed claims:
///
/// - `GET /api/v1/jobs/{id}/claims/{n}/claimreview` — the markup a claim would be published with
///   (its latest reviewed verdict, else the engine's), its problems, and the HTML snippet. Viewers.
/// - `POST /api/v1/jobs/{id}/claims/{n}/publish` — publishes it: only a claim whose verdict a person
///   reviewed, only markup without problems. The published review joins the fact-check database, so
///   the next article repeating the claim is matched to it. Editors.
struct ClaimReviewRoutes {
    var store: any CrosscheckServer.Store
    var configuration: ServerConfiguration

    struct Preview: Encodable, Sendable {
        var markup: ClaimReviewMarkup
        var problems: [String]
        var html: String
        var reviewed: Bool
    }

    func add(to router: Router<WorkbenchContext>) {
        let api = router.group("api/v1")
        api.get("jobs/:id/claims/:n/claimreview") { request, context -> JSONResponse<Preview> in
            let draft = try await draft(context)
            return JSONResponse(
                value: Preview(markup: draft.markup, problems: draft.markup.problems, html: try draft.markup.htmlSnippet(), reviewed: draft.reviewed),
                keepKeys: true)
        }
        api.post("jobs/:id/claims/:n/publish") { request, context -> JSONResponse<Preview> in
            let caller = try context.require(.editor)
            let draft = try await draft(context)
            guard draft.reviewed else {
                throw Problem(
                    .conflict, "Not reviewed", detail: "no one has reviewed this claim's verdict; confirm or override it first (POST …/reviews)",
                    type: "urn:crosscheck:error:notReviewed")
            }
            let problems = draft.markup.problems
            guard problems.isEmpty else {
                throw Problem(
                    .unprocessableContent, "ClaimReview has problems", detail: problems.joined(separator: "; "),
                    type: "urn:crosscheck:error:claimReview")
            }
            let markup = draft.markup
            _ = try await store.add([
                FactCheck(
                    id: "crosscheck:\(draft.job):\(draft.claim)", claim: markup.claimReviewed, rating: markup.reviewRating.alternateName,
                    url: markup.url,
                    date: markup.datePublished, publisher: markup.author.name, claimant: markup.itemReviewed.author?.name)
            ])
            try await store.append(
                AuditEntry(
                    at: markup.datePublished, actor: caller.name, action: "claimreview.publish", subject: draft.job,
                    detail: Review.Target.verdict(claim: draft.claim).text, after: markup.reviewRating.alternateName))
            return JSONResponse(
                status: .created, value: Preview(markup: markup, problems: [], html: try markup.htmlSnippet(), reviewed: true), keepKeys: true)
        }
    }

    /// The markup for the claim in the path, and whether a person reviewed its verdict.
    func draft(_ context: WorkbenchContext) async throws -> (job: String, claim: Int, markup: ClaimReviewMarkup, reviewed: Bool) {
        let job = try await JobRoutes.job(context, in: store)
        guard let claim = Int(try context.parameters.require("n")), claim >= 0 else {
            throw Problem(
                .badRequest, "Bad claim number", detail: "give the claim's position in the report, from 0",
                type: "urn:crosscheck:error:invalidArgument")
        }
        guard job.state == .done, let data = try await store.report(forJob: job.id) else {
            throw Problem(
                .conflict, "No report yet", detail: "job \(job.id) is \(job.state.rawValue); ask again once it is done",
                type: "urn:crosscheck:error:notReady")
        }
        let findings = try ReportFindings(data)
        let claims = findings.claims
        let target = Review.Target.verdict(claim: claim)
        guard let engineVerdict = findings.value(of: target), let text = claims[claim]["text"] as? String else {
            throw Problem(
                .notFound, "No such claim", detail: "the report of job \(job.id) has \(claims.count) claims, numbered from 0",
                type: "urn:crosscheck:error:notFound")
        }
        let reviewed = try await store.reviews(ofJob: job.id).last { $0.target == target }
        let verdict = reviewed?.after ?? engineVerdict
        guard let rating = ClaimReviewMarkup.rating(for: verdict) else {
            throw Problem(
                .conflict, "No verdict to publish",
                detail:
                    "the claim's verdict is \(verdict); a ClaimReview needs supported, refuted or mixed — override it with a note if the evidence allows",
                type: "urn:crosscheck:error:notReviewed")
        }
        let article = findings.article
        let articleURL = article["url"] as? String ?? job.submission.url
        let speaker =
            (claims[claim]["quote"] as? [String: Any])?["speaker"] as? String
            ?? (claims[claim]["attribution"] as? [String: Any])?["source"] as? String
        let reviewURL =
            configuration.publisherURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }.map { $0 + "fact-checks/\(job.id)-\(claim)" }
            ?? articleURL.map { $0 + "#claim-\(claim)" }
        let markup = ClaimReviewMarkup(
            claimReviewed: text, reviewRating: rating, url: reviewURL,
            author: .init(type: "Organization", name: configuration.publisherName, url: configuration.publisherURL),
            datePublished: String((reviewed?.at ?? ISO8601DateFormatter().string(from: Date())).prefix(10)),
            itemReviewed: .init(
                author: speaker.map { .init(type: "Person", name: $0) },
                datePublished: (article["published"] as? String).map { String($0.prefix(10)) },
                appearance: articleURL.map { [.init(url: $0)] } ?? []))
        return (job.id, claim, markup, reviewed != nil)
    }
}
