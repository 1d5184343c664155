import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// The comment screen of one article and its moderation:
///
/// - `GET /articles/{id}/comments` — every comment with its author, time, the screen's flags,
///   reasons and score, its template cluster, and the moderation decision so far.
/// - `POST /articles/{id}/comments/{comment}/moderate` — a form (`decision` approve | reject,
///   `note`): approving says the comment is genuine, rejecting that it is inauthentic; both are
///   reviews in the audit log. Analysts and up.
struct CommentsPage {
    var store: any CrosscheckServer.Store

    struct Row: Sendable {
        var id: String
        /// The id as a path segment (percent-encoded).
        var idPath: String
        var author: String
        var time: String?
        var text: String
        var replyTo: String?
        var score: String
        var flags: [String]
        var reasons: [String]
        var cluster: String?
        var engine: String
        var decision: String
        var decisionClass: String
        var decidedBy: String?
    }

    struct Cluster: Sendable {
        var id: String
        var authors: String
        var size: Int
    }

    struct Page: Sendable {
        var chrome: PageChrome
        var jobID: String
        var title: String
        var summary: String?
        var clusters: [Cluster]
        var comments: [Row]
        var canModerate: Bool
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("articles/:id/comments") { request, context -> HTMLPage in
            let job = try await JobRoutes.job(context, in: store)
            guard job.state == .done else { return SeeOtherPage.to("/articles/\(job.id)") }
            let report = try await ArticlePage.report(of: job, in: store)
            let title = report.article.title ?? job.submission.name
            return HTMLPage(
                html: PageRenderer.shared.render(
                    Self.page(
                        report: report, reviews: try await store.reviews(ofJob: job.id), jobID: job.id,
                        chrome: PageChrome(title: "Comments · \(title)", section: .queue, context: context), title: title,
                        canModerate: (context.caller?.role ?? .viewer) >= .analyst),
                    "comments"))
        }
        router.post("articles/:id/comments/:comment/moderate") { request, context -> SeeOther in
            let caller = try context.require(.analyst)
            let job = try await JobRoutes.job(context, in: store)
            let comment = try context.pathValue("comment")
            var request = request
            let form = try await FormFields(collecting: &request, upTo: 64 * 1024)
            let value: String
            switch form["decision"] {
            case "approve": value = "false"
            case "reject": value = "true"
            default:
                throw Problem(
                    .badRequest, "Bad decision", detail: "a moderation decision is approve or reject; reload the comment screen and try again",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            _ = try await ReviewDesk(jobs: store, reviews: store).record(
                job: job, target: .comment(id: comment), action: nil, value: value, note: form["note"] ?? "", by: caller)
            return SeeOther(location: "/articles/\(job.id)/comments#comment-\(PageFormat.queryValue(comment))")
        }
    }

    static func page(report: Report, reviews: [Review], jobID: String, chrome: PageChrome, title: String, canModerate: Bool) -> Page {
        var latest: [String: Review] = [:]
        for review in reviews { if case .comment(let id) = review.target { latest[id] = review } }
        let screened = Dictionary(report.comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let authors = Dictionary(report.article.comments.map { ($0.id, $0.author ?? "anonymous") }, uniquingKeysWith: { first, _ in first })
        let rows = report.article.comments.map { comment -> Row in
            let screen = screened[comment.id]
            let flagged = !(screen?.flags.isEmpty ?? true)
            let decision = latest[comment.id]
            return Row(
                id: comment.id, idPath: PageFormat.queryValue(comment.id), author: comment.author ?? "anonymous",
                time: comment.time.map(PageFormat.time), text: comment.text,
                replyTo: comment.parent.map { authors[$0] ?? $0 }, score: PageFormat.score(screen?.inauthentic ?? 0),
                flags: (screen?.flags ?? []).map(PageFormat.label), reasons: screen?.reasons ?? [], cluster: screen?.cluster,
                engine: flagged ? "looks inauthentic" : "looks genuine",
                decision: decision.map { $0.after == "true" ? "rejected" : "approved" } ?? "not moderated",
                decisionClass: decision.map { $0.after == "true" ? "rejected" : "approved" } ?? "unreviewed",
                decidedBy: decision.map { "\($0.reviewer), \(PageFormat.time($0.at)): \($0.note)" })
        }
        let clusters = Dictionary(grouping: rows.filter { $0.cluster != nil }, by: { $0.cluster! })
            .map { Cluster(id: $0.key, authors: $0.value.map(\.author).joined(separator: ", "), size: $0.value.count) }
            .sorted { $0.id < $1.id }
        return Page(
            chrome: chrome, jobID: jobID, title: title, summary: report.commentSummary?.text, clusters: clusters, comments: rows,
            canModerate: canModerate)
    }
}

/// A page that is elsewhere for now (a job's comments before its analysis is done).
enum SeeOtherPage {
    static func to(_ location: String) -> HTMLPage {
        HTMLPage(status: .seeOther, html: "", headers: [.location: location])
    }
}
