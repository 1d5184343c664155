import CrosscheckKit
import Foundation
import HTTPTypes

/// ClaimReview for one claim of a done job, for the API and the pages alike: the markup it would be
/// published with (its latest reviewed verdict, else the engine's), and publishing it into the
/// fact-check database with an audit entry.
struct ClaimReviewDesk {
    var store: any CrosscheckServer.Store
    var configuration: ServerConfiguration

    /// A claim's markup, and whether a person reviewed its verdict.
    struct Draft: Sendable {
        var job: String
        var claim: Int
        var markup: ClaimReviewMarkup
        var reviewed: Bool
    }

    /// The markup for claim `claim` (its position in the report, from 0) of `job`.
    func draft(job: AnalysisJob, claim: Int) async throws -> Draft {
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
        let reviewURL = Self.reviewURL(job: job.id, claim: claim, articleURL: articleURL, configuration: configuration)
        let markup = ClaimReviewMarkup(
            claimReviewed: text, reviewRating: rating, url: reviewURL,
            author: .init(type: "Organization", name: configuration.publisherName, url: configuration.publisherURL),
            datePublished: String((reviewed?.at ?? ISO8601DateFormatter().string(from: Date())).prefix(10)),
            itemReviewed: .init(
                author: speaker.map { .init(type: "Person", name: $0) },
                datePublished: (article["published"] as? String).map { String($0.prefix(10)) },
                appearance: articleURL.map { [.init(url: $0)] } ?? []))
        return Draft(job: job.id, claim: claim, markup: markup, reviewed: reviewed != nil)
    }

    /// Publishes `draft`: only a claim whose verdict a person reviewed, only markup without
    /// problems. The review joins the fact-check database as `crosscheck:JOB:N`.
    func publish(_ draft: Draft, by caller: Caller) async throws {
        guard draft.reviewed else {
            throw Problem(
                .conflict, "Not reviewed", detail: "no one has reviewed this claim's verdict; confirm or override it first",
                type: "urn:crosscheck:error:notReviewed")
        }
        let markup = draft.markup
        let problems = markup.problems
        guard problems.isEmpty else {
            throw Problem(
                .unprocessableContent, "ClaimReview has problems", detail: problems.joined(separator: "; "), type: "urn:crosscheck:error:claimReview")
        }
        _ = try await store.add([
            FactCheck(
                id: Self.factCheckID(job: draft.job, claim: draft.claim), claim: markup.claimReviewed, rating: markup.reviewRating.alternateName,
                url: markup.url, date: markup.datePublished, publisher: markup.author.name, claimant: markup.itemReviewed.author?.name)
        ])
        try await store.append(
            AuditEntry(
                at: ISO8601DateFormatter().string(from: Date()), actor: caller.name, action: Self.publishAction, subject: draft.job,
                detail: Review.Target.verdict(claim: draft.claim).text, after: markup.reviewRating.alternateName))
    }

    /// Where a published review of claim `claim` of `job` lives: under the publisher's address, else on the article.
    static func reviewURL(job: String, claim: Int, articleURL: String?, configuration: ServerConfiguration) -> String? {
        configuration.publisherURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }.map { $0 + "fact-checks/\(job)-\(claim)" }
            ?? articleURL.map { $0 + "#claim-\(claim)" }
    }

    /// The audit action that records a publication.
    static let publishAction = "claimreview.publish"

    static func factCheckID(job: String, claim: Int) -> String { "crosscheck:\(job):\(claim)" }
}
