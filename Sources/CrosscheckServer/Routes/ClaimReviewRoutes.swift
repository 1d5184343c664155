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
    var desk: ClaimReviewDesk

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
            try await desk.publish(draft, by: caller)
            return JSONResponse(
                status: .created, value: Preview(markup: draft.markup, problems: [], html: try draft.markup.htmlSnippet(), reviewed: true),
                keepKeys: true)
        }
    }

    /// The draft for the claim in the path.
    func draft(_ context: WorkbenchContext) async throws -> ClaimReviewDesk.Draft {
        let job = try await JobRoutes.job(context, in: desk.store)
        return try await desk.draft(job: job, claim: try Self.claimNumber(context))
    }

    /// The claim number in the path (`:n`).
    static func claimNumber(_ context: WorkbenchContext) throws -> Int {
        guard let claim = Int(try context.parameters.require("n")), claim >= 0 else {
            throw Problem(
                .badRequest, "Bad claim number", detail: "give the claim's position in the report, from 0",
                type: "urn:crosscheck:error:invalidArgument")
        }
        return claim
    }
}
