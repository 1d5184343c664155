import CrosscheckKit
import Foundation
import HTTPTypes

/// The reader's side of a story: finds its analysis by address, builds what readers may see of it,
/// and queues a story a reader asks to verify.
struct ReaderDesk: Sendable {
    var store: any CrosscheckServer.Store
    var configuration: ServerConfiguration
    var wakeups: Wakeups

    /// A story's jobs: the newest, and the newest done one.
    struct Story: Sendable {
        var url: String
        var newest: AnalysisJob?
        var done: AnalysisJob?
    }

    /// The address `raw` as stories are filed under: canonical (no fragment, no tracking parameters).
    /// - Throws: ``Problem`` 400 when it is not an http(s) address.
    static func storyURL(_ raw: String?) throws -> String {
        guard let raw, let url = URLCanonicalizer.canonical(raw) else {
            throw Problem(
                .badRequest, "No story address", detail: "give the story's http(s) address as url=…", type: "urn:crosscheck:error:invalidArgument")
        }
        return url
    }

    /// The jobs filed under `url`.
    func story(_ url: String) async throws -> Story {
        let jobs = try await store.jobs(url: url, limit: 20)
        return Story(url: url, newest: jobs.first, done: jobs.first { $0.state == .done })
    }

    /// What readers see of `story`; `report` is its done job's, when the caller has read it already.
    func findings(_ story: Story, base: String, report: Report? = nil) async throws -> ReaderFindings {
        let state =
            switch story.newest?.state {
            case nil: "unknown"
            case .queued: "queued"
            case .running: "analysing"
            case .done: "done"
            case .failed: story.done == nil ? "failed" : "done"
            }
        var findings = ReaderFindings(url: story.url, state: state, checks: [], publisher: configuration.publisherName)
        guard let job = story.done else { return findings }
        var report = report
        if report == nil { report = try await ArticlePage.report(of: job, in: store) }
        guard let report else { return findings }
        findings.title = report.article.title
        let published = try await publications(of: job.id)
        for (index, claim) in report.claims.enumerated() {
            guard let publication = published[index] else { continue }
            findings.checks.append(check(claim, index: index, job: job, publication: publication, articleURL: report.article.url))
        }
        findings.asOf = published.values.map(\.at).max() ?? report.generatedAt
        if configuration.reader.showAutomated {
            findings.automated = report.claims.enumerated().filter { $0.element.checkworthy && published[$0.offset] == nil }.map { _, claim in
                ReaderFindings.Automated(
                    claim: claim.text, verdict: claim.verdict?.label ?? "unchecked", confidence: claim.verdict?.confidence)
            }
        }
        let query = "url=" + (story.url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        findings.listen = .init(
            article: base + "/public/v1/listen?what=article&" + query, findings: base + "/public/v1/listen?what=findings&" + query)
        return findings
    }

    /// A published claim: its rating and when.
    struct Publication: Sendable {
        var rating: String
        var at: String
    }

    /// The claims of `job` published as ClaimReview and not withdrawn since, by position.
    func publications(of job: String) async throws -> [Int: Publication] {
        var published: [Int: Publication] = [:]
        for entry in try await store.auditLog(subject: job, actor: nil, limit: 100_000) where entry.action == ClaimReviewDesk.publishAction {
            guard let detail = entry.detail, case .verdict(let claim) = Review.Target(text: detail), let rating = entry.after else { continue }
            published[claim] = Publication(rating: rating, at: entry.at)
        }
        for (claim, publication) in published {
            let subject = "factcheck:" + ClaimReviewDesk.factCheckID(job: job, claim: claim)
            let removals = try await store.auditLog(subject: subject, actor: nil, limit: 1_000).filter { $0.action == "factcheck.remove" }
            if removals.contains(where: { $0.at >= publication.at }) { published[claim] = nil }
        }
        return published
    }

    /// A published claim as readers see it.
    func check(_ claim: ReportClaim, index: Int, job: AnalysisJob, publication: Publication, articleURL: String?) -> ReaderFindings.Check {
        let verdict =
            ["refuted", "mixed", "supported"].first { ClaimReviewMarkup.rating(for: $0)?.alternateName == publication.rating } ?? "mixed"
        let wanted: Set<String> =
            switch verdict {
            case "refuted": ["refutes"]
            case "supported": ["supports"]
            default: ["refutes", "supports"]
            }
        let evidence = (claim.verdict?.evidence ?? []).filter { wanted.contains($0.stance) }
        let sources = evidence.prefix(3).map {
            ReaderFindings.Source(name: FindingsScript.sourceName($0), url: $0.url, date: $0.published.map { String($0.prefix(10)) })
        }
        let reason: String
        if let first = sources.first {
            let verb = verdict == "refuted" ? "Contradicted by" : verdict == "supported" ? "Supported by" : "Partly contradicted by"
            reason = "\(verb) \(first.name)" + (first.date.map { " (\($0))" } ?? "") + "."
        } else {
            reason = "Rated \(publication.rating) by \(configuration.publisherName)'s editors."
        }
        return ReaderFindings.Check(
            claim: claim.text, rating: publication.rating, verdict: verdict, reason: reason, sources: Array(sources),
            published: String(publication.at.prefix(10)),
            reviewURL: ClaimReviewDesk.reviewURL(job: job.id, claim: index, articleURL: articleURL, configuration: configuration))
    }

    /// Queues `url` for analysis, unless it is already analysed or under way; the runner fetches the page.
    /// - Throws: ``Problem`` 403 when the story is not on one of the configured sites.
    func verify(_ url: String) async throws -> Story {
        guard let origin = Self.origin(of: url), configuration.reader.origins.contains(origin) else {
            throw Problem(
                .forbidden, "Not one of this newsroom's sites",
                detail:
                    "this server checks stories on \(configuration.reader.origins.isEmpty ? "no public site (set public_origins)" : configuration.reader.origins.joined(separator: ", "))",
                type: "urn:crosscheck:error:forbidden")
        }
        let story = try await story(url)
        if let newest = story.newest, newest.state != .failed { return story }
        let job = try await store.enqueue(ArticleInput(data: Data(), name: url, url: url))
        wakeups.signal()
        return Story(url: url, newest: job, done: story.done)
    }

    /// `https://news.example` of `https://news.example/a/b?c`.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), let host = components.host?.lowercased()
        else { return nil }
        return scheme + "://" + host + (components.port.map { ":\($0)" } ?? "")
    }
}
