import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Technique spans marked in the article text")
struct TechniqueHighlightTests {
    /// A two-paragraph article with spans we place ourselves (offsets in the joined text).
    func report() throws -> Report {
        let text =
            "Bridge plan row\n\nBy A. Writer\n\nThe mayor called the plan a disgraceful betrayal of voters on Tuesday night.\n\nCosts rose by 5 percent, the city said in a statement."
        var report = try ArticleChecker().check(ArticleInput(data: Data(text.utf8), name: "story.txt"))
        let body = report.article.text
        func span(_ words: String, _ technique: String, _ score: Double) -> LanguageSection.Technique {
            guard let range = body.range(of: words) else { fatalError("\(words) is not in \(report.article.paragraphs)") }
            let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: range.lowerBound)
            return LanguageSection.Technique(technique: technique, start: start, end: start + words.unicodeScalars.count, text: words, score: score)
        }
        report.language = LanguageSection(
            score: 0.4,
            techniques: [
                span("disgraceful betrayal", "Loaded_Language", 0.8), span("betrayal", "Name_Calling,Labeling", 0.3),
                span("rose by 5 percent", "Exaggeration,Minimisation", 0.5),
            ])
        return report
    }

    /// Display thresholds for these tests: Exaggeration is drawn from 0.5, Name Calling from 0.2;
    /// Loaded Language from 0.7.
    static let display = ["Loaded_Language": 0.7, "Name_Calling,Labeling": 0.2, "Exaggeration,Minimisation": 0.5]

    @Test func terminalBracketsEachSpanWithAFootnote() throws {
        let out = try TerminalReportRenderer(color: false, techniqueDisplay: Self.display).render(try report())
        #expect(out.contains("a ⟦disgraceful betrayal⟧¹ of voters"))
        #expect(out.contains("¹ Loaded Language 0.80"))
        // The weaker overlapping span is not marked.
        #expect(!out.contains("Name Calling / Labeling"))
        #expect(out.contains("Costs ⟦rose by 5 percent⟧², the city said"))
        #expect(out.contains("² Exaggeration / Minimisation 0.50"))
        let coloured = try TerminalReportRenderer(color: true, techniqueDisplay: Self.display).render(try report())
        #expect(coloured.contains("\u{1B}[4;33mdisgraceful betrayal\u{1B}[0m"))
    }

    @Test func markdownBoldsSpansAndNamesTheTechnique() throws {
        let out = try MarkdownReportRenderer(techniqueDisplay: Self.display).render(try report())
        #expect(out.contains("a **disgraceful betrayal**<sup>Loaded Language</sup> of voters"))
        #expect(out.contains("Costs **rose by 5 percent**<sup>Exaggeration / Minimisation</sup>, the city said"))
    }

    @Test func marksUnderTheirTechniquesThresholdStayOutOfTheText() throws {
        // Loaded Language needs 0.9 here; Exaggeration has no threshold, so it is never drawn.
        let display = ["Loaded_Language": 0.9, "Name_Calling,Labeling": 0.2]
        let out = try TerminalReportRenderer(color: false, techniqueDisplay: display).render(try report())
        #expect(!out.contains("⟦disgraceful betrayal⟧"))
        #expect(!out.contains("⟦rose by 5 percent⟧"))
        // The weaker overlapping span now stands alone above its own threshold.
        #expect(out.contains("a disgraceful ⟦betrayal⟧¹ of voters"))
        #expect(out.contains("¹ Name Calling / Labeling 0.30"))
        let markdown = try MarkdownReportRenderer(techniqueDisplay: [:]).render(try report())
        #expect(!markdown.contains("<sup>"))
        // The JSON report keeps every span.
        let json = try JSONReportRenderer().render(try report())
        #expect(json.contains("Exaggeration,Minimisation") && json.contains("Loaded_Language"))
    }
}
