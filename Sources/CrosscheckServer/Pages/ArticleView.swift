import CrosscheckKit
import HTTPTypes

/// What the article page shows of one done job's report and its reviews.
struct ArticleView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ReviewNote: Sendable {
        var value: String
        var valueClass: String
        var reviewer: String
        var at: String
        var note: String
    }

    // Names differ between nesting levels on purpose: mustache looks a missing (nil) value up in the
    // enclosing objects, so an evidence row without a URL must not find the article's.
    struct Evidence: Sendable {
        var title: String
        var sourceURL: String?
        var sourceDate: String?
        var stance: String
        var text: String
        var reasons: [String]
    }

    struct FactCheckMatch: Sendable {
        var claim: String
        var checkRating: String?
        var checkURL: String?
        var score: String
    }

    struct Verdict: Sendable {
        var label: String
        var labelClass: String
        var confidence: String
        var asOf: String?
        var reasons: [String]
    }

    struct ClaimCard: Sendable {
        var number: Int
        var rank: Int
        var text: String
        var score: String
        var types: String?
        var source: String?
        var verdict: Verdict?
        var reviewed: ReviewNote?
        var checkworthyReview: ReviewNote?
        var evidence: [Evidence]
        var factChecks: [FactCheckMatch]
        var verdictOptions: [Option]
        var checkworthyOptions: [Option]
        var isPublished: Bool
        var canPublish: Bool
        /// Whether the verdict has a ClaimReview rating (not "not enough info").
        var hasRating: Bool
        var claimReviewHref: String
    }

    struct OtherSentence: Sendable {
        var number: Int
        var text: String
        var score: String
        var checkworthyOptions: [Option]
    }

    struct ReviewRow: Sendable {
        var at: String
        var reviewer: String
        var target: String
        var change: String
        var note: String
    }

    var title: String
    var articleURL: String?
    var byline: String?
    var articleDate: String?
    var facts: [String]
    var paragraphs: [ArticleText.Paragraph]
    var claims: [ClaimCard]
    var others: [OtherSentence]
    var othersCount: Int
    var techniqueNote: String?
    var comments: String?
    var reviews: [ReviewRow]
    var canReview: Bool

    static let verdicts = ["supported", "refuted", "mixed", "not_enough_info"]

    init(job: String, report: Report, reviews: [Review], published: Set<Int>, role: Role) {
        var latest: [Review.Target: Review] = [:]
        for review in reviews { latest[review.target] = review }
        func note(_ target: Review.Target) -> ReviewNote? {
            latest[target].map {
                ReviewNote(
                    value: PageFormat.label($0.after), valueClass: $0.after, reviewer: $0.reviewer, at: PageFormat.time($0.at), note: $0.note)
            }
        }
        func options(_ values: [String], labels: [String]? = nil, current: String) -> [Option] {
            values.enumerated().map { Option(value: $1, label: labels?[$0] ?? PageFormat.label($1), selected: $1 == current) }
        }
        func isCheckworthy(_ number: Int) -> Bool {
            latest[.checkworthiness(claim: number)].map { $0.after == "true" } ?? report.claims[number].checkworthy
        }
        let checkworthyLabels = ["check-worthy", "not check-worthy"]
        canReview = role >= .analyst
        title = report.article.title ?? report.input.name
        articleURL = PageFormat.link(report.article.url)
        byline = report.article.byline
        articleDate = report.article.published.map(PageFormat.time)

        let ranked = report.claims.indices.filter(isCheckworthy)
        claims = ranked.enumerated().map { rank, number in
            let claim = report.claims[number]
            let engineVerdict = claim.verdict?.label ?? "not_enough_info"
            let reviewed = note(.verdict(claim: number))
            let current = latest[.verdict(claim: number)]?.after ?? engineVerdict
            return ClaimCard(
                number: number, rank: rank + 1, text: claim.text, score: Self.checkworthiness(claim),
                types: claim.types.isEmpty ? nil : claim.types.map(PageFormat.label).joined(separator: ", "),
                source: Self.source(claim),
                verdict: claim.verdict.map {
                    Verdict(
                        label: PageFormat.label($0.label), labelClass: $0.label, confidence: PageFormat.percent($0.confidence),
                        asOf: $0.asOf.map(PageFormat.time), reasons: $0.reasons)
                },
                reviewed: reviewed, checkworthyReview: note(.checkworthiness(claim: number)),
                evidence: (claim.verdict?.evidence ?? []).map {
                    Evidence(
                        title: $0.title ?? $0.documentId, sourceURL: PageFormat.link($0.url), sourceDate: $0.published, stance: $0.stance,
                        text: $0.text, reasons: $0.reasons)
                },
                factChecks: claim.factcheckMatches.map {
                    FactCheckMatch(claim: $0.claim, checkRating: $0.rating, checkURL: PageFormat.link($0.url), score: PageFormat.score($0.score))
                },
                verdictOptions: options(Self.verdicts, current: current),
                checkworthyOptions: options(["true", "false"], labels: checkworthyLabels, current: "true"),
                isPublished: published.contains(number),
                canPublish: role >= .editor && reviewed != nil && ClaimReviewMarkup.rating(for: current) != nil && !published.contains(number),
                hasRating: ClaimReviewMarkup.rating(for: current) != nil,
                claimReviewHref: "/articles/\(job)/claims/\(number)/claimreview")
        }
        let rest = report.claims.indices.filter { !isCheckworthy($0) }
        othersCount = rest.count
        others = rest.map {
            OtherSentence(
                number: $0, text: report.claims[$0].text, score: Self.checkworthiness(report.claims[$0]),
                checkworthyOptions: options(["true", "false"], labels: checkworthyLabels, current: "false"))
        }
        paragraphs = ArticleText(report: report, highlighted: ranked).paragraphs

        var facts = ["\(report.claims.count) sentences, \(ranked.count) check-worthy"]
        let verdictCounts = Dictionary(grouping: ranked.compactMap { report.claims[$0].verdict?.label }, by: { $0 })
        if !verdictCounts.isEmpty {
            facts.append(
                "Verdicts: "
                    + Self.verdicts.compactMap { label in verdictCounts[label].map { "\($0.count) \(PageFormat.label(label))" } }
                    .joined(separator: ", "))
        }
        if let language = report.language { facts.append("Persuasion score \(PageFormat.score(language.score)) (0 plain … 1 heavy)") }
        self.facts = facts
        let display = report.engine.thresholds["technique_display"] ?? TechniqueDisplay.thresholds
        let spans = report.language?.techniques ?? []
        let shown = spans.filter { TechniqueDisplay.isShown($0, thresholds: display) }.count
        techniqueNote =
            spans.isEmpty
            ? nil : "\(shown) technique mark\(shown == 1 ? "" : "s") drawn; \(spans.count - shown) less certain in the JSON report only"
        comments = report.commentSummary?.text
        self.reviews = reviews.reversed().map {
            ReviewRow(
                at: PageFormat.time($0.at), reviewer: $0.reviewer, target: $0.target.text,
                change: $0.before == $0.after
                    ? "confirmed \(PageFormat.label($0.after))" : "\(PageFormat.label($0.before)) → \(PageFormat.label($0.after))",
                note: $0.note)
        }
    }

    /// Who the claim is attributed to, and how: "Ray Duarte (named)", "officials (anonymous)".
    /// A claim's check-worthiness as analysts read it: the calibrated chance when the model has
    /// one, else the score.
    static func checkworthiness(_ claim: ReportClaim) -> String {
        claim.probability.map(PageFormat.percent) ?? PageFormat.score(claim.checkworthiness)
    }

    static func source(_ claim: ReportClaim) -> String? {
        let speaker = claim.quote?.speaker ?? claim.attribution.source
        let kind = claim.attribution.sourcing ?? claim.attribution.kind
        guard let speaker else { return kind == "none" ? "no source given" : nil }
        return "\(speaker) (\(kind))"
    }
}
