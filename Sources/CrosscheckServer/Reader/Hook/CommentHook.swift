import CrosscheckKit
import Foundation

/// Screens comments as a comment platform receives them: each new comment against its story's
/// stored article and the thread so far (the comments on the page when it was analysed, then those
/// that arrived since), with the same screen as the report's. Every decision and every override is
/// written to the audit log.
actor CommentHook {
    let store: any CrosscheckServer.Store
    let screener: CommentScreener
    /// Comments of a thread screened together; older ones drop out of the window.
    let window: Int
    private var threads: [String: StoryThread] = [:]
    private var storyOrder: [String] = []
    private let maxStories = 500

    /// A comment as a platform sends it.
    struct Incoming: Sendable {
        var id: String?
        var text: String
        var author: String?
        var parent: String?
        var storyURL: String?
        /// Who is asking, for the audit log (`hook:coral`, `hook:json`).
        var platform: String
    }

    /// What the screen decided.
    struct Decision: Codable, Sendable, Hashable {
        var id: String
        /// `approve` or `hold` (for a moderator).
        var decision: String
        var flags: [String]
        var reasons: [String]
        /// The screen's inauthenticity score, 0–1.
        var inauthentic: Double
        /// The analysed story the comment was screened against; `nil` when the story is unknown.
        var job: String?
    }

    struct StoryThread {
        var job: String?
        var article: Article?
        var comments: [Comment]
    }

    init(store: any CrosscheckServer.Store, screener: CommentScreener, window: Int = 100) {
        self.store = store
        self.screener = screener
        self.window = window
    }

    /// Screens `incoming` and records the decision.
    func screen(_ incoming: Incoming) async throws -> Decision {
        let story = incoming.storyURL.flatMap { URLCanonicalizer.canonical($0) }
        if let story { try await load(story) }
        let thread = story.flatMap { threads[$0] } ?? StoryThread(comments: [])
        let id = incoming.id.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } ?? "hook-" + UUID().uuidString.lowercased()
        let comment = Comment(
            id: id, author: incoming.author, time: ISO8601DateFormatter().string(from: Date()), text: incoming.text, parent: incoming.parent)
        let recent = Array(thread.comments.suffix(window - 1)) + [comment]
        // Screened off the actor, so comments arriving together use both cores; each sees the
        // thread as it stood when it arrived.
        let screening = await Self.screen(recent, article: thread.article, with: screener)
        if let story, var current = threads[story] {
            current.comments.append(comment)
            remember(current, for: story)
        }
        let decision = Decision(
            id: id, decision: screening.flags.isEmpty ? "approve" : "hold", flags: screening.flags, reasons: screening.reasons,
            inauthentic: screening.inauthentic, job: thread.job)
        try await store.append(
            AuditEntry(
                at: comment.time!, actor: incoming.platform, action: "comment.screen", subject: thread.job ?? story ?? "story:unknown",
                detail: "comment:\(id)", after: decision.decision, note: decision.reasons.joined(separator: "; ")))
        return decision
    }

    /// The last comment of `comments` screened against the others and `article`.
    nonisolated static func screen(_ comments: [Comment], article: Article?, with screener: CommentScreener) async -> CommentScreening {
        screener.screen(comments, article: article, focus: [comments.count - 1]).comments.last!
    }

    /// Records a moderator's decision on a screened comment, over the screen's.
    func override(comment id: String, story: String?, decision: String, note: String, by caller: Caller) async throws -> AuditEntry {
        try await store.append(
            AuditEntry(
                at: ISO8601DateFormatter().string(from: Date()), actor: caller.name, action: "comment.override",
                subject: story.flatMap { URLCanonicalizer.canonical($0) } ?? "story:unknown", detail: "comment:\(id)", after: decision, note: note))
    }

    /// Makes sure the thread of `story` is kept, with its analysed article and the comments on its
    /// page once the story has been analysed (looked up again until it has).
    private func load(_ story: String) async throws {
        if threads[story]?.job != nil { return }
        let job = try await store.jobs(url: story, limit: 20).first { $0.state == .done }
        var report: Report?
        if let job, let data = try await store.report(forJob: job.id) {
            report = try? JSONReportRenderer.decoder().decode(Report.self, from: data)
        }
        // Read again after the lookups: comments may have arrived meanwhile.
        let arrived = threads[story]?.comments ?? []
        guard let job, let report else {
            if threads[story] == nil { remember(StoryThread(comments: []), for: story) }
            return
        }
        let article = report.article
        remember(
            StoryThread(
                job: job.id,
                article: Article(
                    url: article.url, title: article.title, byline: article.byline, published: article.published, paragraphs: article.paragraphs),
                comments: article.comments + arrived),
            for: story)
    }

    private func remember(_ thread: StoryThread, for story: String) {
        if threads[story] == nil {
            storyOrder.append(story)
            if storyOrder.count > maxStories { threads[storyOrder.removeFirst()] = nil }
        }
        var thread = thread
        if thread.comments.count > 4 * window { thread.comments.removeFirst(thread.comments.count - window) }
        threads[story] = thread
    }
}
