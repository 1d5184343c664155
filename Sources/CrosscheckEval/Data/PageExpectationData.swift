public import CrosscheckKit
public import Foundation

/// What a page of our own should read as (`Evaluation/pages/expected.jsonl`, one line a page): its
/// headline, byline, body paragraphs without furniture, and every comment with its author.
public struct PageExpectation: Sendable, Decodable {
    /// The page's file name in the folder.
    public var page: String
    public var title: String
    public var byline: String?
    /// How many body paragraphs, and how the first and the last begin.
    public var paragraphs: Int
    public var firstParagraph: String
    public var lastParagraph: String
    /// Each comment's author, in order.
    public var authors: [String]
    /// Per comment, the author of the comment it replies to, where the page threads them.
    public var parents: [String?]?
    /// Per comment, its time as the report should give it, where the expectation says.
    public var times: [String]?

    /// The expectations in `directory/expected.jsonl`.
    /// - Throws: ``CrosscheckError`` when the file is missing or a line is not an expectation.
    public static func load(directory: String) throws -> [PageExpectation] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("expected.jsonl")
        guard let data = try? Data(contentsOf: url) else {
            throw CrosscheckError(.fileNotFound, "no expected.jsonl in \(directory); give the folder of pages and their expectations")
        }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { number, line in
            do {
                return try JSONDecoder().decode(PageExpectation.self, from: Data(line.utf8))
            } catch {
                throw CrosscheckError(.malformedJSON, "expected.jsonl line \(number + 1) is not a page expectation (\(error))")
            }
        }
    }
}
