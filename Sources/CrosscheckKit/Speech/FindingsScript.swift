import Foundation

/// The short spoken summary of an article's findings: how many claims were checked, each refuted
/// or mixed claim with its verdict and the source that contradicts it, and how many comments look
/// inauthentic.
public struct FindingsScript: Sendable, Hashable {
    /// One checked claim.
    public struct Finding: Sendable, Hashable {
        public var claim: String
        /// `supported`, `refuted`, `mixed` or `not_enough_info`.
        public var verdict: String
        /// The source that contradicts the claim (or supports it), and when it published.
        public var source: String?
        public var sourceDate: String?

        public init(claim: String, verdict: String, source: String? = nil, sourceDate: String? = nil) {
            self.claim = claim
            self.verdict = verdict
            self.source = source
            self.sourceDate = sourceDate
        }
    }

    public var findings: [Finding]
    /// Whether editors reviewed the findings; if not, the script says it is automated.
    public var reviewed: Bool
    /// The comments screened, when the thread was.
    public var comments: CommentTally?

    /// How many comments were screened and how many of them were flagged.
    public struct CommentTally: Sendable, Hashable {
        public var total: Int
        public var flagged: Int

        public init(total: Int, flagged: Int) {
            self.total = total
            self.flagged = flagged
        }
    }

    public init(findings: [Finding], reviewed: Bool, comments: CommentTally? = nil) {
        self.findings = findings
        self.reviewed = reviewed
        self.comments = comments
    }

    /// The engine's findings in `report`: its check-worthy claims with their verdicts.
    public init(report: Report) {
        let findings = report.claims.filter(\.checkworthy).map { claim -> Finding in
            let label = claim.verdict?.label ?? "not_enough_info"
            let wanted = label == "supported" ? "supports" : "refutes"
            let evidence = claim.verdict?.evidence.first { $0.stance == wanted }
            return Finding(claim: claim.text, verdict: label, source: evidence.map(Self.sourceName), sourceDate: evidence?.published)
        }
        let flagged = report.comments.filter { !$0.flags.isEmpty }.count
        self.init(
            findings: findings, reviewed: false,
            comments: report.comments.isEmpty ? nil : CommentTally(total: report.comments.count, flagged: flagged))
    }

    /// A passage's source as a listener would know it: its title, else its site.
    public static func sourceName(_ evidence: ReportClaim.Evidence) -> String {
        if let title = evidence.title, !title.isEmpty { return title }
        if let host = evidence.url.flatMap({ URLCanonicalizer.host($0) }) { return host }
        return "a stored source"
    }

    /// The summary, as paragraphs to speak.
    public var paragraphs: [String] {
        var lines: [String] = []
        let count = findings.count
        let claims = count == 1 ? "one claim" : "\(count) claims"
        if reviewed {
            lines.append(
                count == 0 ? "The newsroom has not published any fact-checks of this article." : "The newsroom checked \(claims) in this article.")
        } else {
            lines.append(
                count == 0
                    ? "The automated analysis found no claims to check in this article."
                    : "An automated analysis found \(claims) to check in this article. No editor has reviewed these findings.")
        }
        for finding in findings where finding.verdict == "refuted" || finding.verdict == "mixed" {
            var line = "The claim that \(Self.stripped(finding.claim)) is rated \(finding.verdict == "refuted" ? "false" : "partly true")."
            if let source = finding.source {
                line += " \(finding.verdict == "refuted" ? "It is contradicted by" : "It is partly contradicted by") \(source)"
                line += finding.sourceDate.map { ", published \(String($0.prefix(10)))." } ?? "."
            }
            lines.append(line)
        }
        let supported = findings.filter { $0.verdict == "supported" }.count
        if supported > 0 { lines.append(supported == 1 ? "One claim is supported by sources." : "\(supported) claims are supported by sources.") }
        let open = findings.filter { $0.verdict == "not_enough_info" }.count
        if open > 0 {
            lines.append(open == 1 ? "For one claim there is not enough evidence yet." : "For \(open) claims there is not enough evidence yet.")
        }
        if let comments {
            lines.append(
                comments.flagged == 0
                    ? "None of the \(comments.total) comments looks inauthentic."
                    : "\(comments.flagged) of \(comments.total) comments look inauthentic.")
        }
        return lines
    }

    /// A claim as it is quoted in the middle of a sentence: without its final full stop.
    static func stripped(_ claim: String) -> String {
        var text = claim.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, ".!?".contains(last) { text.removeLast() }
        return text
    }
}
