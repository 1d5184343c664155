internal import Foundation

/// Writes the report for reading in a terminal, with colour when asked.
public struct TerminalReportRenderer: ReportRenderer {
    /// Whether to use ANSI colours and styles.
    public var color: Bool
    /// The line width to wrap at. The default is 100.
    public var width: Int
    /// Per technique, the score a span needs to be marked in the article text; `nil`: the
    /// thresholds the report records (those its language stage used).
    public var techniqueDisplay: [String: Double]?

    public init(color: Bool, width: Int = 100, techniqueDisplay: [String: Double]? = nil) {
        self.color = color
        self.width = max(40, width)
        self.techniqueDisplay = techniqueDisplay
    }

    public func render(_ report: Report) throws -> String {
        var out = ""
        let article = report.article
        out += style(article.title ?? "Untitled article", .bold) + "\n"
        var meta: [String] = []
        if let byline = article.byline { meta.append("by \(byline)") }
        if let published = article.published { meta.append(published) }
        if !meta.isEmpty { out += style(meta.joined(separator: " · "), .dim) + "\n" }
        if let url = article.url { out += style(url, .cyan) + "\n" }
        out +=
            style(
                "\(article.paragraphs.count) paragraphs · \(article.sentences.count) sentences · \(article.words) words · \(article.comments.count) comments",
                .dim) + "\n\n"

        out += claimsSection(report)
        if let language = report.language {
            out += heading("Language (style score \(String(format: "%.2f", language.score)))")
            for reason in language.reasons.prefix(8) { out += "  " + style("• ", .yellow) + reason + "\n" }
            if language.reasons.isEmpty { out += "  no persuasion techniques or loaded wording found\n" }
            out += "\n"
        }

        out += heading("Article")
        let marks = TechniqueMarks(
            article: article, language: report.language,
            display: techniqueDisplay ?? report.engine.thresholds["technique_display"] ?? TechniqueDisplay.thresholds)
        var footnote = 0
        for (paragraph, paragraphMarks) in zip(article.paragraphs, marks.paragraphs) {
            // Marked stretches go in ⟦ ⟧ with a footnote number; with colour the brackets become
            // an underline.
            var text = ""
            var notes: [String] = []
            for piece in TechniqueMarks.pieces(paragraph, paragraphMarks) {
                guard let mark = piece.mark else {
                    text += piece.text
                    continue
                }
                footnote += 1
                text += "⟦" + piece.text + "⟧" + Self.superscript(footnote)
                notes.append(Self.superscript(footnote) + " " + TechniqueMarks.readable(mark.technique) + String(format: " %.2f", mark.score))
            }
            var wrapped = wrap(text, indent: "  ")
            if color {
                wrapped = wrapped.replacingOccurrences(of: "⟦", with: "\u{1B}[4;33m").replacingOccurrences(of: "⟧", with: "\u{1B}[0m")
            }
            out += wrapped + "\n"
            if !notes.isEmpty { out += style("  " + notes.joined(separator: " · "), .dim) + "\n" }
            out += "\n"
        }

        if !article.comments.isEmpty {
            out += heading("Comments (\(article.comments.count))")
            if let summary = report.commentSummary { out += "  " + style(summary.text, summary.inauthentic > 0 ? .yellow : .green) + "\n" }
            let screening = Dictionary(report.comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for comment in article.comments {
                let indent = comment.parent == nil ? "  " : "      "
                var head = style(comment.author ?? "anonymous", .bold)
                if let time = comment.time { head += style(" · \(time)", .dim) }
                head += style(" [\(comment.id)]", .dim)
                if let screen = screening[comment.id], !screen.flags.isEmpty {
                    head += " " + style(screen.flags.joined(separator: ", "), .yellow)
                }
                out += indent + head + "\n" + wrap(comment.text, indent: indent) + "\n"
                if let screen = screening[comment.id], screen.inauthentic >= 0.5 {
                    for reason in screen.reasons { out += indent + style("  ⚑ " + reason, .yellow) + "\n" }
                }
            }
            out += "\n"
        }

        let timing = report.timings.map { "\($0.stage) \(formatMilliseconds($0.milliseconds))" }.joined(separator: ", ")
        out +=
            style(
                "crosscheck \(report.engine.version) · \(report.input.format.rawValue) input · \(report.input.digest.prefix(19))… · \(timing)",
                .dim) + "\n"
        return out
    }

    /// The check-worthy claims, best first, with their types and sourcing, and the summary.
    func claimsSection(_ report: Report) -> String {
        let checkworthy = report.claims.filter(\.checkworthy)
        guard !report.claims.isEmpty else { return "" }
        let cut = ClaimCut(report.claims, limit: 10)
        let sure = ClaimCut(report.claims).shown.count
        var counts = "\(checkworthy.count) check-worthy of \(report.claims.count) sentences"
        if cut.calibrated {
            counts =
                sure == checkworthy.count
                ? counts + ", calibrated %" : "\(sure) at ≥ \(Int(ClaimCut.minimumProbability * 100)) %, " + counts
        }
        var out = heading("Claims (\(counts))")
        for claim in cut.shown {
            let score = claim.probability.map { String(format: "%3d%%", Int(($0 * 100).rounded())) } ?? String(format: "%.2f", claim.checkworthiness)
            let types = claim.types.filter { $0 != "opinion" }.joined(separator: ", ")
            var source: String
            switch claim.attribution.kind {
            case "named":
                let what = ["institution": "institution", "document": "document"][claim.attribution.sourcing ?? ""] ?? "source"
                source = what + ": " + (claim.attribution.source ?? "named")
            case "anonymous": source = style("anonymous source: " + (claim.attribution.source ?? "?"), .yellow)
            default: source = style("no source given", .yellow)
            }
            out += "  " + style(score, .bold) + " " + style("[\(claim.id)]", .dim) + " " + wrap(claim.text, indent: "       ").dropFirst(7) + "\n"
            out += "       " + style(types, .cyan) + " · " + source
            if let quote = claim.quote {
                out += " · quote by " + (quote.speaker ?? style("unknown speaker", .yellow))
            }
            out += "\n"
            if let verdict = claim.verdict { out += verdictLines(verdict) }
            for match in claim.factcheckMatches.prefix(2) {
                let label = match.strong ? "fact-checked before" : "possibly fact-checked before"
                out +=
                    "       " + style("\(label): \(match.rating ?? "unrated")", .red) + " — \(match.claim)"
                    + style(" (\(String(format: "%.2f", match.score)))", .dim) + "\n"
            }
        }
        if cut.more > 0 {
            let why = cut.calibrated ? " (the model is less sure of them, or past the first 10)" : ""
            out += style("  … \(cut.more) more check-worthy\(why) in --format json\n", .dim)
        }
        if let summary = report.summary {
            if !summary.anonymous.isEmpty {
                out += style("  Anonymous sources: \(summary.anonymous.joined(separator: ", "))", .yellow) + "\n"
            }
            if !summary.unattributed.isEmpty {
                out += style("  No source given: \(summary.unattributed.joined(separator: ", "))", .yellow) + "\n"
            }
        }
        return out + "\n"
    }

    /// A footnote number in superscript digits.
    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// The verdict, its confidence and the passage it rests on most, with that passage's reason.
    func verdictLines(_ verdict: ReportClaim.Verdict) -> String {
        let color: Style =
            verdict.label == "supported" ? .green : verdict.label == "not_enough_info" ? .dim : verdict.label == "mixed" ? .yellow : .red
        var out =
            "       " + style(verdict.label.replacingOccurrences(of: "_", with: " ").uppercased(), color)
            + style(String(format: " %.2f", verdict.confidence), .dim)
        if let reason = verdict.reasons.first { out += " — " + reason }
        out += "\n"
        if let top = verdict.evidence.first, top.stance != "neutral" {
            let source = [top.title, top.published.map { String($0.prefix(10)) }].compactMap { $0 }.joined(separator: ", ")
            let excerpt = top.text.count > 160 ? String(top.text.prefix(157)) + "…" : top.text
            out += "       " + wrap("\(top.stance) [\(top.documentId)] “\(excerpt)” \(source)", indent: "         ").dropFirst(9) + "\n"
            if let reason = top.reasons.first { out += "         " + style(reason, .dim) + "\n" }
        }
        return out
    }

    enum Style: String {
        case bold = "1", dim = "2", cyan = "36", yellow = "33", red = "31", green = "32", underline = "4"
    }

    func style(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    func heading(_ text: String) -> String {
        style(text.uppercased(), .bold) + "\n"
    }

    /// Word-wraps `text` at ``width`` columns, each line prefixed with `indent`.
    public func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        for paragraph in text.components(separatedBy: "\n") {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                    lines.append(indent + line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(indent + line)
        }
        return lines.joined(separator: "\n")
    }

    func formatMilliseconds(_ value: Double) -> String {
        value >= 100 ? "\(Int(value.rounded())) ms" : "\(value.rounded(toPlaces: 1)) ms"
    }
}
