import Foundation
import Testing

@testable import CrosscheckKit

/// Pages of our own in several sites' styles (`Evaluation/pages/`, copied text and HTML): each
/// reads as its expectation says — headline, byline, the body without furniture, and every
/// comment on its own with its author.
@Suite("Pages in several sites' styles")
struct PageFixtureTests {
    struct Expectation: Decodable, CustomTestStringConvertible, Sendable {
        var page: String
        var title: String
        var byline: String?
        var paragraphs: Int
        var firstParagraph: String
        var lastParagraph: String
        var authors: [String]
        /// Per comment, the author of the comment it replies to (when the page threads them).
        var parents: [String?]?
        /// Per comment, its time as the report gives it (ISO 8601 where the page says exactly).
        var times: [String]?
        var testDescription: String { page }
    }

    static let expectations: [Expectation] = {
        guard let data = try? Fixtures.repositoryFile("Evaluation/pages/expected.jsonl") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONDecoder().decode(Expectation.self, from: Data($0.utf8))
        }
    }()

    @Test func everyPageHasAnExpectation() throws {
        #expect(Self.expectations.count >= 14)
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Evaluation/pages")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".jsonl") }
        #expect(Set(pages) == Set(Self.expectations.map(\.page)))
    }

    @Test(arguments: expectations)
    func readsAsExpected(_ expected: Expectation) throws {
        let text = String(decoding: try Fixtures.repositoryFile("Evaluation/pages/" + expected.page), as: UTF8.self)
        let article =
            expected.page.hasSuffix(".html") ? HTMLArticleExtractor().extract(html: text) : PlainTextExtractor().extract(text: text)
        #expect(article.title == expected.title)
        #expect(article.byline == expected.byline)
        #expect(article.paragraphs.count == expected.paragraphs, "\(article.paragraphs)")
        #expect(article.paragraphs.first?.hasPrefix(expected.firstParagraph) == true)
        #expect(article.paragraphs.last?.hasPrefix(expected.lastParagraph) == true)
        #expect(article.comments.map(\.author) == expected.authors.map(Optional.some))
        #expect(article.comments.allSatisfy { !$0.text.isEmpty && !CommentSectionSplitter.isActions($0.text) })
        if let times = expected.times {
            // The same instant however its zone is written ("+00:00" is "Z").
            let found = article.comments.map { $0.time.map { time in DateNormalizer.date(time).map { "\($0)" } ?? time } }
            #expect(found == times.map { time in DateNormalizer.date(time).map { "\($0)" } ?? time }, "\(article.comments.map(\.time))")
        }
        if let parents = expected.parents {
            let authorOf = Dictionary(article.comments.map { ($0.id, $0.author) }, uniquingKeysWith: { a, _ in a })
            #expect(article.comments.map { $0.parent.flatMap { authorOf[$0] ?? nil } } == parents)
        }
    }
}
