import CrosscheckKit
import HTTPTypes

/// The article's paragraphs cut into stretches for the article page: each stretch plain, inside a
/// check-worthy claim (linked to its card), inside a technique mark the report's display thresholds
/// allow, or both.
struct ArticleText: Sendable {
    struct Stretch: Sendable {
        var text: String
        /// `#claim-N` when the stretch is inside claim N.
        var claimHref: String?
        /// The technique's readable name and score, when marked.
        var technique: String?
    }

    struct Paragraph: Sendable {
        var stretches: [Stretch]
    }

    let paragraphs: [Paragraph]

    /// - Parameter highlighted: the claims to highlight, by their position in the report.
    init(report: Report, highlighted: [Int]) {
        let display = report.engine.thresholds["technique_display"] ?? TechniqueDisplay.thresholds
        let marks = TechniqueMarks(article: report.article, language: report.language, display: display)
        var offset = 0
        var result: [Paragraph] = []
        for (index, paragraph) in report.article.paragraphs.enumerated() {
            let scalars = Array(paragraph.unicodeScalars)
            let length = scalars.count
            let claims = highlighted.map { ($0, report.claims[$0]) }
                .filter { $0.1.start < offset + length && $0.1.end > offset }
                .map { (number: $0.0, start: max($0.1.start - offset, 0), end: min($0.1.end - offset, length)) }
            let paragraphMarks = index < marks.paragraphs.count ? marks.paragraphs[index] : []
            var cuts = Set([0, length])
            for claim in claims { cuts.formUnion([claim.start, claim.end]) }
            for mark in paragraphMarks { cuts.formUnion([mark.start, mark.end]) }
            let points = cuts.filter { $0 >= 0 && $0 <= length }.sorted()
            var stretches: [Stretch] = []
            for (start, end) in zip(points, points.dropFirst()) where end > start {
                let claim = claims.first { $0.start <= start && end <= $0.end }
                let mark = paragraphMarks.first { $0.start <= start && end <= $0.end }
                stretches.append(
                    Stretch(
                        text: String(String.UnicodeScalarView(scalars[start..<end])), claimHref: claim.map { "#claim-\($0.number)" },
                        technique: mark.map { "\(TechniqueMarks.readable($0.technique)) (\(PageFormat.score($0.score)))" }))
            }
            result.append(Paragraph(stretches: stretches))
            offset += length + 2  // the blank line between paragraphs
        }
        paragraphs = result
    }
}
