import CrosscheckTesting
import Foundation
import Testing

@Suite("crosscheck eval pages")
struct EvalPagesCommandTests {
    @Test func ourPagesReadAsExpected() async throws {
        let result = try await CommandRunner.run(["eval", "pages", "--data", "Evaluation/pages", "--misses"])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try #require(result.stdout.split(separator: "\n").first?.split(separator: " ").first.flatMap { Int($0) })
        #expect(pages >= 19)
        #expect(result.stdout.contains("headlines right \(pages) of \(pages); bylines right \(pages) of \(pages)"), "\(result.stdout)")
        #expect(result.stdout.contains("0 too many or too few"), "\(result.stdout)")
    }

    @Test func aPageThatReadsOtherwiseIsCountedAndTold() async throws {
        let folder = ScratchFolder.root.appendingPathComponent("eval-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = """
            Council delays the ferry vote
            By Jane Morton
            The council postponed its vote on the island ferry subsidy on Tuesday, the clerk said.
            2 Comments
            Ana Ruiz · 2h
            About time they looked at the accounts.
            Reply
            Ben Cole · 1h
            The islands need an answer before winter.
            Reply
            """
        try page.write(to: folder.appendingPathComponent("page.txt"), atomically: true, encoding: .utf8)
        let expected =
            #"{"page": "page.txt", "title": "Council delays the ferry vote", "byline": "Jane Morton", "paragraphs": 1, "firstParagraph": "The council", "lastParagraph": "The council", "authors": ["Ana Ruiz", "Cole Ben"]}"#
        try expected.write(to: folder.appendingPathComponent("expected.jsonl"), atomically: true, encoding: .utf8)
        let result = try await CommandRunner.run(["eval", "pages", "--data", folder.path, "--misses"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("comments: 2 expected, 2 found, 1 with the right author"), "\(result.stdout)")
        #expect(result.stdout.contains("page.txt: comment 2 by Ben Cole, not Cole Ben"), "\(result.stdout)")
        let missing = try await CommandRunner.run(["eval", "pages", "--data", folder.appendingPathComponent("nowhere").path])
        #expect(missing.status != 0 && missing.stderr.contains("no expected.jsonl"))
    }
}
