internal import Foundation

/// Writes the report as Markdown, for pasting into notes, tickets and review documents.
public struct MarkdownReportRenderer: ReportRenderer {
    /// Per technique, the score a span needs to be marked in the article text; `nil`: the
    /// thresholds the report records (those its language stage used).
    public var techniqueDisplay: [String: Double]?

    public init(techniqueDisplay: [String: Double]? = nil) {
        self.techniqueDisplay = techniqueDisplay
    }

    public func render(_ report: Report) throws -> String {
        var out = ""
        let article = report.article
        out += "# \(escape(article.title ?? "Untitled article"))\n\n"
        var facts: [String] = []
        if let byline = article.byline { facts.append("**By:** \(escape(byline))") }
        if let published = article.published { facts.append("**Published:** \(published)") }
        if let url = article.url { facts.append("**URL:** <\(url)>") }
        facts.append(
            "**Length:** \(article.paragraphs.count) paragraphs, \(article.sentences.count) sentences, \(article.words) words"
        )
        facts.append("**Comments:** \(article.comments.count)")
        out += facts.map { "- \($0)" }.joined(separator: "\n") + "\n\n"

        let cut = ClaimCut(report.claims)
        let checkworthy = report.claims.filter(\.checkworthy)
        if !report.claims.isEmpty {
            out += "## Claims\n\n"
            out += "\(checkworthy.count) of \(report.claims.count) sentences are check-worthy"
            out +=
                cut.calibrated
                ? "; the model is at least \(Int(ClaimCut.minimumProbability * 100)) % sure of \(cut.shown.count), listed best first.\n\n"
                : ".\n\n"
            if !cut.shown.isEmpty {
                out += "| # | score | claim | types | source |\n|---|---|---|---|---|\n"
                for claim in cut.shown {
                    var source =
                        claim.attribution.kind == "none"
                        ? "⚠️ none"
                        : claim.attribution.kind == "anonymous"
                            ? "⚠️ anonymous (\(claim.attribution.source ?? ""))"
                            : (["institution", "document"].contains(claim.attribution.sourcing ?? "") ? "\(claim.attribution.sourcing!): " : "")
                                + (claim.attribution.source ?? "named")
                    if let quote = claim.quote { source += "; quote by \(quote.speaker ?? "unknown")" }
                    if let match = claim.factcheckMatches.first {
                        source += "; fact-checked before (\(match.rating ?? "unrated")): \(match.claim)"
                    }
                    let text = escape(claim.text).replacingOccurrences(of: "\n", with: " ")
                    let score = claim.probability.map { "\(Int(($0 * 100).rounded()))%" } ?? String(format: "%.2f", claim.checkworthiness)
                    out += "| \(claim.id) | \(score) | \(text) | \(claim.types.joined(separator: ", ")) | \(escape(source)) |\n"
                }
                out += "\n"
            }
            if cut.more > 0 {
                let rest = checkworthy.filter { claim in !cut.shown.contains { $0.id == claim.id } }.map(\.id)
                out += "\(cut.more) more check-worthy the model is less sure of: \(rest.joined(separator: ", ")) (all scores in `--format json`).\n\n"
            }
            let verified = report.claims.filter { $0.verdict != nil }
            if !verified.isEmpty {
                out += "### Verdicts\n\n"
                if let asOf = verified.first?.verdict?.asOf { out += "Evidence as of \(asOf).\n\n" }
                for claim in verified {
                    guard let verdict = claim.verdict else { continue }
                    let label = verdict.label.replacingOccurrences(of: "_", with: " ")
                    out += "- **\(label)** (\(String(format: "%.2f", verdict.confidence))) [\(claim.id)] \(escape(claim.text))\n"
                    for reason in verdict.reasons { out += "  - \(escape(reason))\n" }
                    if let top = verdict.evidence.first, top.stance != "neutral" {
                        let title = top.title.map { escape($0) } ?? top.documentId
                        let link = top.url.map { "[\(title)](\($0))" } ?? title
                        let date = top.published.map { ", " + $0.prefix(10) } ?? ""
                        out += "  - \(top.stance): “\(escape(top.text))” — \(link)\(date)\n"
                        if let reason = top.reasons.first { out += "  - why: \(escape(reason))\n" }
                    }
                }
                out += "\n"
            }
            if let summary = report.summary, !summary.anonymous.isEmpty || !summary.unattributed.isEmpty {
                if !summary.anonymous.isEmpty { out += "- **Anonymous sources:** \(summary.anonymous.joined(separator: ", "))\n" }
                if !summary.unattributed.isEmpty { out += "- **No source given:** \(summary.unattributed.joined(separator: ", "))\n" }
                out += "\n"
            }
        }

        if let language = report.language {
            out += "## Language\n\nStyle score: **\(String(format: "%.2f", language.score))** (0 = plain reporting, 1 = heavy persuasion)\n\n"
            for reason in language.reasons { out += "- \(escape(reason))\n" }
            out += "\n"
        }

        out += "## Article\n\n"
        let marks = TechniqueMarks(
            article: article, language: report.language,
            display: techniqueDisplay ?? report.engine.thresholds["technique_display"] ?? TechniqueDisplay.thresholds)
        for (paragraph, paragraphMarks) in zip(article.paragraphs, marks.paragraphs) {
            // Persuasion techniques in bold, each followed by its name.
            out +=
                TechniqueMarks.pieces(paragraph, paragraphMarks).map { piece in
                    guard let mark = piece.mark else { return escape(piece.text) }
                    return "**\(escape(piece.text))**<sup>\(escape(TechniqueMarks.readable(mark.technique)))</sup>"
                }.joined() + "\n\n"
        }

        if !article.comments.isEmpty {
            out += "## Comments\n\n"
            if let summary = report.commentSummary { out += "_\(escape(summary.text))_\n\n" }
            let screening = Dictionary(report.comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for comment in article.comments {
                var head = "**\(escape(comment.author ?? "Anonymous"))**"
                if let time = comment.time { head += " · \(time)" }
                if let parent = comment.parent { head += " · reply to `\(parent)`" }
                head += " · `\(comment.id)`"
                if let screen = screening[comment.id], !screen.flags.isEmpty {
                    head += " · ⚠️ \(screen.flags.joined(separator: ", "))"
                }
                let indent = comment.parent == nil ? "" : "  "
                out += "\(indent)- \(head)  \n\(indent)  \(escape(comment.text).replacingOccurrences(of: "\n\n", with: "  \n\(indent)  "))\n"
                if let screen = screening[comment.id], screen.inauthentic >= 0.5, !screen.reasons.isEmpty {
                    out += "\(indent)  _\(escape(screen.reasons.joined(separator: "; ")))_\n"
                }
            }
            out += "\n"
        }

        out += "---\n\n"
        out +=
            "_crosscheck \(report.engine.version) · \(report.schema) · input `\(report.input.name)` (\(report.input.format.rawValue), \(report.input.digest.prefix(19))…) · \(report.generatedAt)_\n"
        return out
    }

    /// Escapes characters that would start Markdown markup at the start of a line or inline.
    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
