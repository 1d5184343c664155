internal import Foundation

/// Where the language stage's technique spans fall in each paragraph, for renderers that mark them
/// in the article text: only spans ``TechniqueDisplay`` shows, the strongest winning where they overlap.
public struct TechniqueMarks: Sendable {
    /// One marked stretch of a paragraph, in Unicode scalars of that paragraph.
    public struct Mark: Sendable {
        public var start: Int
        public var end: Int
        public var technique: String
        public var score: Double
    }

    /// Per paragraph, its marks in order.
    public let paragraphs: [[Mark]]

    /// - Parameter display: per technique, the score a span needs to be drawn (absent: never drawn).
    public init(article: ReportArticle, language: LanguageSection?, display: [String: Double] = TechniqueDisplay.thresholds) {
        let spans = (language?.techniques ?? []).filter { TechniqueDisplay.isShown($0, thresholds: display) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.start < $1.start }
        var chosen: [LanguageSection.Technique] = []
        for span in spans where span.end > span.start && !chosen.contains(where: { $0.start < span.end && span.start < $0.end }) {
            chosen.append(span)
        }
        var offset = 0
        var result: [[Mark]] = []
        for paragraph in article.paragraphs {
            let length = paragraph.unicodeScalars.count
            result.append(
                chosen.filter { $0.start >= offset && $0.end <= offset + length }
                    .map { Mark(start: $0.start - offset, end: $0.end - offset, technique: $0.technique, score: $0.score) }
                    .sorted { $0.start < $1.start })
            offset += length + 2  // the blank line between paragraphs
        }
        paragraphs = result
    }

    /// A technique's name for people: "Name_Calling,Labeling" reads "Name Calling / Labeling".
    public static func readable(_ technique: String) -> String {
        technique.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ",", with: " / ")
    }

    /// The paragraph's text cut at its marks: plain stretches and marked ones, in order.
    static func pieces(_ paragraph: String, _ marks: [Mark]) -> [(text: String, mark: Mark?)] {
        let scalars = Array(paragraph.unicodeScalars)
        var result: [(text: String, mark: Mark?)] = []
        var cursor = 0
        for mark in marks where mark.start >= cursor && mark.end <= scalars.count {
            if mark.start > cursor { result.append((scalars.text(TextSpan(start: cursor, end: mark.start)), nil)) }
            result.append((scalars.text(TextSpan(start: mark.start, end: mark.end)), mark))
            cursor = mark.end
        }
        if cursor < scalars.count { result.append((scalars.text(TextSpan(start: cursor, end: scalars.count)), nil)) }
        return result
    }
}
