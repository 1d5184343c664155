import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird

/// The queue (`GET /`): the newest articles by where they stand — analysing, new (not yet
/// reviewed), in review, published, failed — and the form that submits another (`POST /articles`).
struct QueuePage {
    var store: any CrosscheckServer.Store
    var wakeups: Wakeups
    var maxInputBytes: Int

    struct Row: Sendable {
        var name: String
        var href: String
        var when: String
        var detail: String?
    }

    struct Lane: Sendable {
        var id: String
        var title: String
        var empty: String
        var rows: [Row]
        var count: Int
    }

    struct View: Sendable {
        var chrome: PageChrome
        var lanes: [Lane]
        var canSubmit: Bool
    }

    /// Where an article stands in the newsroom's work.
    enum Standing: String, CaseIterable {
        case analysing, new, inReview, published, failed

        var title: String {
            switch self {
            case .analysing: return "Analysing"
            case .new: return "New"
            case .inReview: return "In review"
            case .published: return "Published"
            case .failed: return "Failed"
            }
        }

        var empty: String {
            switch self {
            case .analysing: return "Nothing waiting."
            case .new: return "Every analysed article has been looked at."
            case .inReview: return "No article is being reviewed."
            case .published: return "Nothing published yet."
            case .failed: return "No failures."
            }
        }
    }

    /// How many of the newest jobs the queue shows.
    static let shown = 200

    func add(to router: Router<WorkbenchContext>) {
        router.get("/") { request, context -> HTMLPage in
            _ = try context.require(.viewer)
            var rows: [Standing: [Row]] = [:]
            for job in try await store.jobs(state: nil, limit: Self.shown) {
                let standing = try await standing(of: job)
                rows[standing, default: []].append(
                    Row(
                        name: job.submission.name, href: "/articles/\(job.id)", when: PageFormat.time(job.finished ?? job.submitted),
                        detail: standing == .failed ? job.error : job.state == .queued ? "waiting" : job.state == .running ? "running" : nil))
            }
            let lanes = Standing.allCases.map { standing in
                Lane(
                    id: standing.rawValue, title: standing.title, empty: standing.empty, rows: rows[standing] ?? [],
                    count: rows[standing]?.count ?? 0)
            }
            let view = View(
                chrome: PageChrome(title: "Queue", section: .queue, context: context), lanes: lanes,
                canSubmit: (context.caller?.role ?? .viewer) >= .analyst)
            return HTMLPage(html: PageRenderer.shared.render(view, "queue"))
        }
        router.post("articles") { request, context -> SeeOther in
            _ = try context.require(.analyst)
            var request = request
            // A form encodes each byte as up to three; the article itself is held to the API's limit.
            let form = try await FormFields(collecting: &request, upTo: 3 * maxInputBytes + 4096)
            let article = form.text("article")
            let url = form.text("url")
            guard article != nil || url != nil else {
                throw Problem(
                    .badRequest, "Empty article",
                    detail: "paste the article's HTML, text or JSON into the box, or give its address for the server to fetch",
                    type: "urn:crosscheck:error:emptyArticle")
            }
            if let article, article.utf8.count > maxInputBytes {
                throw Problem(
                    .contentTooLarge, "Article too large", detail: "the article is larger than \(maxInputBytes) bytes; paste the article body only",
                    type: "urn:crosscheck:error:inputTooLarge")
            }
            if let url, PageFormat.link(url) == nil {
                throw Problem(
                    .badRequest, "Bad page address", detail: "\(url) is not an http(s) address; give the page's own URL or leave it empty",
                    type: "urn:crosscheck:error:invalidArgument")
            }
            let job = try await store.enqueue(
                ArticleInput(data: Data((article ?? "").utf8), name: url ?? PageFormat.firstLine(article ?? ""), url: url, contentType: nil))
            wakeups.signal()
            return SeeOther(location: "/articles/\(job.id)")
        }
    }

    /// Where `job` stands: its state until it is done, then its reviews and publications.
    func standing(of job: AnalysisJob) async throws -> Standing {
        switch job.state {
        case .queued, .running: return .analysing
        case .failed: return .failed
        case .done:
            // One read of the job's audit trail: every review and publication is recorded there.
            let actions = try await store.auditLog(subject: job.id, actor: nil, limit: 100_000).map(\.action)
            if actions.contains(ClaimReviewDesk.publishAction) { return .published }
            return actions.contains { $0.hasPrefix("review.") } ? .inReview : .new
        }
    }
}
