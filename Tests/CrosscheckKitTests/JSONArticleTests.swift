import Foundation
import Testing

@testable import CrosscheckKit

@Suite("JSON articles")
struct JSONArticleTests {
    @Test func exampleArticle() throws {
        let article = try JSONArticleDecoder().decode(try Fixtures.repositoryFile("Examples/transit-fares.json"))
        #expect(article.title == "Transit authority raises bus fares for the first time since 2019")
        #expect(article.byline == "Sam Ortiz")
        #expect(article.published == "2026-04-02T08:00:00Z")
        #expect(article.paragraphs.count == 4)
        #expect(article.comments.map(\.id) == ["1", "2", "3"])
        #expect(article.comments[1].parent == "1")
    }

    @Test func textSplitsAtBlankLines() throws {
        let article = try JSONArticleDecoder().decode(Data(#"{"text": "First paragraph.\n\nSecond\nparagraph."}"#.utf8))
        #expect(article.paragraphs == ["First paragraph.", "Second paragraph."])
    }

    @Test func malformedJSONSaysWhere() {
        #expect {
            try JSONArticleDecoder().decode(Data(#"{"title": "x", "text": }"#.utf8))
        } throws: { error in
            guard let error = error as? CrosscheckError else { return false }
            return error.code == .malformedJSON && error.message.contains("not valid JSON")
        }
    }

    @Test func wrongShapeIsAnError() {
        #expect(throws: CrosscheckError.self) { try JSONArticleDecoder().decode(Data("[1, 2]".utf8)) }
        #expect(throws: CrosscheckError.self) { try JSONArticleDecoder().decode(Data(#"{"text": 5}"#.utf8)) }
        #expect(throws: CrosscheckError.self) { try JSONArticleDecoder().decode(Data(#"{"text": "x", "comments": [{"id": 1}]}"#.utf8)) }
    }
}
