import CrosscheckTesting
import Foundation
import Testing

@Suite("crosscheck comments and comment batches")
struct CommentsCommandTests {
    func lines(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func theExamplePageIsScreenedEndToEnd() async throws {
        let result = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let screened = try #require(report["comments"] as? [[String: Any]])
        let flags = Dictionary(uniqueKeysWithValues: screened.map { ($0["id"] as! String, $0["flags"] as? [String] ?? []) })
        #expect(flags["comment-101"] == [])
        #expect(flags["comment-102"] == [])
        #expect(flags["comment-108"] == [])
        for id in ["comment-103", "comment-104", "comment-105"] { #expect(flags[id]?.contains("template") == true) }
        #expect(flags["comment-106"]?.contains("off_topic") == true)
        #expect(flags["comment-107"]?.contains("spam") == true)
        let summary = try #require(report["comment_summary"] as? [String: Any])
        #expect((summary["text"] as? String)?.hasPrefix("5 of 8 comments look inauthentic; 1 template") == true)
    }

    @Test func commentsCommandWithAnArticle() async throws {
        let file = ScratchFolder.root.appendingPathComponent("comments-\(UUID().uuidString).jsonl")
        try """
        {"id": "1", "author": "Bea", "text": "A 25 cent rise after seven years seems fair if bus service stays the same."}
        {"id": "2", "author": "x", "text": "Quantum computing is poised to revolutionize every industry with unprecedented opportunities for innovation and growth."}
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await CommandRunner.run(["comments", file.path, "--article", "Examples/transit-fares.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1 of 2 comments looks inauthentic"))
        #expect(result.stdout.contains("[2]"))
        #expect(result.stdout.contains("off_topic"))
    }

    @Test func batchCommentsScreensThreadsTogether() async throws {
        let input = """
            {"id": 1, "thread": "a", "author": "u1", "text": "This is a development worth watching closely. It raises the stakes for everyone involved."}
            {"id": 2, "thread": "b", "author": "u2", "text": "This is a situation worth monitoring closely. It raises the stakes for everyone involved."}
            {"id": 3, "thread": "a", "author": "u3", "text": "This is a story worth following closely. It raises the stakes for everyone involved."}
            {"id": 4, "thread": "a", "text": 7}
            {"id": 5, "article": {"title": "Fares", "text": "Bus fares rise to $2.50 in July."}, "text": "Subscribe to my channel for free gift cards http://gift.example"}
            """
        let result = try await CommandRunner.run(["batch", "comments"], stdin: Data(input.utf8))
        let output = lines(result.stdout)
        #expect(output.map { $0["id"] as? Int } == [1, 2, 3, 4, 5])
        #expect((output[0]["flags"] as? [String])?.contains("template") == true, "same thread, same template")
        #expect((output[1]["flags"] as? [String])?.contains("template") == false, "alone in its thread")
        #expect(output[3]["error"] != nil)
        #expect((output[4]["flags"] as? [String])?.contains("spam") == true)
        #expect((output[4]["inauthentic"] as? Double ?? 0) >= 0.5)
    }

    @Test func batchMachineText() async throws {
        let input = "{\"id\": \"h\", \"text\": \"Listen to This Charming Man by The Smiths https://t.co/r12OIXkfUO\"}\n"
        let result = try await CommandRunner.run(["batch", "machine-text"], stdin: Data(input.utf8))
        let output = lines(result.stdout)
        #expect(output.first?["id"] as? String == "h")
        #expect(output.first?["machine"] is Bool)
        #expect((0...1).contains(output.first?["score"] as? Double ?? -1))
    }

    static let sharedData = CommandRunner.root.appendingPathComponent("../shared/data").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedData + "/youtube-spam")))
    func evalCommentsOnTheSharedData() async throws {
        let result = try await CommandRunner.run(["eval", "comments", "--data", "../shared/data/youtube-spam"])
        #expect(result.status == 0)
        let mean = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("mean") })
        let value = try #require(Double(mean.split(separator: " ")[1]))
        #expect(value > 0.9, "spam F1 fell to \(value)")
    }
}

@Suite("crosscheck batch and eval language")
struct LanguageCommandTests {
    @Test func batchLanguageShape() async throws {
        let input = "{\"id\": 9, \"text\": \"Wake up, patriots! The radical left will destroy this great nation.\"}\n"
        let result = try await CommandRunner.run(["batch", "language"], stdin: Data(input.utf8))
        let line = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(line["id"] as? Int == 9)
        #expect((0...1).contains(line["score"] as? Double ?? -1))
        let techniques = try #require(line["techniques"] as? [[String: Any]])
        #expect(!techniques.isEmpty)
        #expect(techniques.allSatisfy { $0["technique"] is String && $0["start"] is Int && $0["end"] is Int })
        let truthfulness = try #require(line["truthfulness"] as? [String: Any])
        #expect(truthfulness["label"] is String)
    }

    /// A small corpus in the Propaganda Techniques Corpus format, written by the test.
    @Test func evalLanguageOnATinyCorpus() async throws {
        let root = ScratchFolder.root.appendingPathComponent("propaganda-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var articles = ""
        var labels = ""
        for index in 0..<30 {
            let loaded = "These corrupt traitors will destroy our great nation!"
            let plain = "The committee met on Tuesday and reviewed the budget for next year."
            let text = plain + "\n" + loaded + "\n" + plain
            let object: [String: Any] = ["article_id": "\(index)", "text": text]
            articles += String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
            let start = plain.unicodeScalars.count + 1
            labels += "\(index)\tLoaded_Language\t\(start)\t\(start + loaded.unicodeScalars.count)\n"
        }
        try articles.write(to: root.appendingPathComponent("articles.jsonl"), atomically: true, encoding: .utf8)
        try labels.write(to: root.appendingPathComponent("task2-TC.labels.tsv"), atomically: true, encoding: .utf8)
        let result = try await CommandRunner.run(["eval", "language", "--data", root.path, "--epochs", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("line-level F1") })
        let value = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
        #expect(value > 0.9, "a separable corpus should be learned: \(value)")
        #expect(result.stdout.contains("span-level technique F1"))
    }

}

@Suite("crosscheck batch verify")
struct VerifyCommandTests {
    @Test func answersEveryLineWithALabelAndPerPassageStances() async throws {
        let input = """
            {"id": "v1", "claim": "The council approved the bridge repair plan.", "evidence": [{"id": "e1", "text": "The council approved the bridge repair plan on Tuesday."}, {"id": 2, "text": "Ferry fares rise in April."}]}
            {"id": "v2", "claim": "No evidence here."}
            """
        let result = try await CommandRunner.run(["batch", "verify"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        #expect(["supported", "refuted", "mixed", "not_enough_info"].contains(lines[0]["label"] as? String ?? ""))
        #expect((0...1).contains(lines[0]["confidence"] as? Double ?? -1))
        let evidence = try #require(lines[0]["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["id"] as? String } == ["e1", nil])
        #expect(evidence[1]["id"] as? Int == 2)
        #expect(evidence.allSatisfy { ["supports", "refutes", "neutral"].contains($0["stance"] as? String ?? "") })
        #expect(lines[1]["error"] != nil)
    }
}

@Suite("crosscheck batch retrieve-verify")
struct RetrieveVerifyCommandTests {
    @Test func retrievesFromAnImportedCorpusAndCitesDocumentIds() async throws {
        let folder = ScratchFolder.root.appendingPathComponent("rv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        try """
        {"id": "d1", "title": "Bridge vote", "text": "The council approved the bridge repair plan on Tuesday by a vote of 7 to 2."}
        {"id": "d2", "title": "Ferry", "text": "Ferry fares will rise by five percent in April, the operator said."}
        """.write(to: corpus, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("store.sqlite").path
        #expect(try await CommandRunner.run(["sources", "import", corpus.path, "--db", db]).status == 0)
        let result = try await CommandRunner.run(
            ["batch", "retrieve-verify", "--index", db],
            stdin: Data("{\"id\": 7, \"claim\": \"The council approved the bridge repair plan.\"}\n".utf8))
        let line = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(line["id"] as? Int == 7)
        let evidence = try #require(line["evidence"] as? [[String: Any]])
        #expect(evidence.first?["id"] as? String == "d1")
        #expect(line["label"] as? String == "supported")
        let missing = try await CommandRunner.run(["batch", "retrieve-verify", "--index", folder.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 3)
    }
}
