import CrosscheckKit
import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckEval

/// Pages with labelled comments are measured on the comments the reader finds: labels are paired
/// by author in order, and a labelled comment the reader missed keeps its flags as missed.
@Suite("Labelled pages for the comment screen")
struct LabelledPageTests {
    let page = """
        Regional council backs new ferry route to the islands

        The regional council voted on Monday to fund a ferry route linking the harbour to three \
        islands, at a cost of $12 million over four years, the council's transport chair said.

        Residents of the islands have asked for a year-round service since the last operator \
        stopped sailing in 2023.

        3 Comments
        Hannah Iverson
        2 hours ago
        Finally. My parents have been stuck on the island every winter since the last boat stopped.
        Reply
        Tomasz Wrobel
        3 hours ago
        Anyone know a good phone plan for the islands? Mine costs a fortune every year.
        Reply
        Priya Raman
        5 hours ago
        Who runs it? The council or a private operator?
        Reply
        """

    func folder(labels: String) throws -> String {
        let folder = ScratchFolder.root.appendingPathComponent("labelled-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try page.write(to: folder.appendingPathComponent("ferry.txt"), atomically: true, encoding: .utf8)
        try labels.write(to: folder.appendingPathComponent("labels.jsonl"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func labelsArePairedWithTheCommentsReadByAuthor() throws {
        let labels = """
            {"page": "ferry.txt", "comments": [{"author": "Hannah Iverson", "expect": []}, \
            {"author": "Gone Reader", "expect": ["spam"]}, {"author": "Tomasz Wrobel", "expect": ["off_topic"]}, \
            {"author": "Priya Raman", "expect": [], "template": null}]}
            """
        let threads = try LabelledThread.loadPages(directory: try folder(labels: labels))
        let thread = try #require(threads.first)
        #expect(thread.article.comments.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel", "Priya Raman"])
        #expect(thread.expected == [[], ["off_topic"], []])
        #expect(thread.unread == [["spam"]], "the comment the reader did not find keeps its flag")
        let evaluation = CommentFlagEvaluation.measure(threads, screener: try CommentScreener.standard(encoder: nil))
        #expect(evaluation.unread == 1)
        #expect(evaluation.perFlag["spam"]!.falseNegatives == 1)
    }

    @Test func aLabelFileNamingAMissingPageIsRefused() throws {
        let directory = try folder(labels: #"{"page": "elsewhere.html", "comments": []}"#)
        #expect(throws: CrosscheckError.self) { try LabelledThread.loadPages(directory: directory) }
    }

    @Test func aMalformedLabelLineIsRefused() throws {
        let directory = try folder(labels: #"{"page": "ferry.txt"}"#)
        #expect(throws: CrosscheckError.self) { try LabelledThread.loadPages(directory: directory) }
    }
}
