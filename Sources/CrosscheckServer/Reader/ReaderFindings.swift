/// What a story's readers may see: the newsroom's published fact-checks of its claims and, where
/// the newsroom allows it, the engine's unreviewed findings, labelled as such. Built only from
/// published reviews and the report: no notes, no reviewers' names, no unpublished verdicts.
struct ReaderFindings: Codable, Sendable, Hashable {
    /// The story's address, as the server knows it.
    var url: String
    /// Where its analysis stands: `unknown` (never submitted), `queued`, `analysing`, `done` or `failed`.
    var state: String
    var title: String?
    /// When the newest published fact-check was published, else when the analysis ran.
    var asOf: String?
    /// The newsroom's published fact-checks, in the article's order.
    var checks: [Check]
    /// The engine's unreviewed findings, when the newsroom shows them; `nil` otherwise.
    var automated: [Automated]?
    /// Where to listen: the article read aloud, and the spoken summary of the findings.
    var listen: Listen?
    /// Who publishes the fact-checks.
    var publisher: String

    /// A published fact-check.
    struct Check: Codable, Sendable, Hashable {
        var claim: String
        /// ClaimReview's rating: True, Mixture or False.
        var rating: String
        /// The verdict behind it: supported, mixed or refuted.
        var verdict: String
        /// One line on why.
        var reason: String
        var sources: [Source]
        /// When it was published.
        var published: String
        /// The fact-check's own page, when the newsroom publishes them.
        var reviewURL: String?
    }

    /// A source of a fact-check: a passage the engine found.
    struct Source: Codable, Sendable, Hashable {
        var name: String
        var url: String?
        var date: String?
    }

    /// A finding no one has reviewed.
    struct Automated: Codable, Sendable, Hashable {
        var claim: String
        var verdict: String
        /// The engine's calibrated confidence, 0–1; `nil` when there was no evidence to check it against.
        var confidence: Double?
        var label = "Automated analysis, not reviewed by an editor"
    }

    struct Listen: Codable, Sendable, Hashable {
        var article: String
        var findings: String
    }
}
