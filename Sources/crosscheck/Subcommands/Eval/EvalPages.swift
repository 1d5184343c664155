import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalPages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Reading real pages: headlines, bylines, body without furniture, comments with their authors.",
        discussion: """
            DIR holds pages (copied text or HTML, read as `crosscheck check` reads them) and \
            expected.jsonl, one line a page: {"page", "title", "byline", "paragraphs", \
            "firstParagraph", "lastParagraph", "authors", "parents"?, "times"?}. Evaluation/pages is ours.
            """)

    @Option(help: "The folder of pages and their expected.jsonl.")
    var data: String

    @Flag(help: "List what each page got wrong.")
    var misses = false

    func run() throws {
        let expectations = try PageExpectation.load(directory: data)
        let reader = ArticleReader()
        var evaluation = PageReadingEvaluation()
        var wrong: [PageReadingEvaluation.Miss] = []
        for expected in expectations {
            let url = URL(fileURLWithPath: data).appendingPathComponent(expected.page)
            guard let bytes = try? Data(contentsOf: url) else {
                throw CrosscheckError(.fileNotFound, "expected.jsonl names \(expected.page), which is not in \(data)")
            }
            let article = try reader.read(ArticleInput(data: bytes, name: url.path)).article
            wrong += evaluation.add(article, expected: expected)
        }
        let e = evaluation
        print("\(e.pages) pages")
        print("headlines right \(e.titlesRight) of \(e.pages); bylines right \(e.bylinesRight) of \(e.pages)")
        print(
            "body paragraphs: \(e.paragraphs) expected, \(e.paragraphsOff) too many or too few; bodies bounded right \(e.bodiesBounded) of \(e.pages)"
        )
        print("comments: \(e.comments) expected, \(e.commentsFound) found, \(e.authorsRight) with the right author in the right place")
        if e.replies > 0 { print("replies linked to the right comment: \(e.repliesRight) of \(e.replies)") }
        if e.times > 0 { print("comment times read as expected: \(e.timesRight) of \(e.times)") }
        if misses { wrong.forEach { print("\($0.page): \($0.what)") } }
    }
}
