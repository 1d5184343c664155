import CrosscheckKit
import Foundation
import Testing

@testable import CrosscheckEval

/// Upper-cases `text`; rejects lines whose text is "bad".
struct ShoutTask: BatchTask {
    func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        if text == "bad" { throw BatchLineError("text is bad") }
        return ["shout": text.uppercased()]
    }
}

/// Answers each line with the number of lines sharing its group.
struct GroupTask: BatchTask {
    var needsWholeInput: Bool { true }
    func process(_ object: [String: Any]) throws -> [String: Any] { [:] }
    func process(all objects: [[String: Any]]) -> [Result<[String: Any], any Error>] {
        let counts = Dictionary(grouping: objects, by: { $0["group"] as? String ?? "" }).mapValues(\.count)
        return objects.map { .success(["size": counts[$0["group"] as? String ?? ""] ?? 0]) }
    }
}

@Suite("Batch runner")
struct BatchRunnerTests {
    func run(_ task: any BatchTask, _ input: String) async throws -> (lines: [[String: Any]], raw: [String], warnings: [String]) {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        var output = Data()
        var warnings: [String] = []
        _ = try await BatchRunner(task: task).run(input: pipe.fileHandleForReading, write: { output.append($0) }, warn: { warnings.append($0) })
        let raw = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        let lines = try raw.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        return (lines, raw, warnings)
    }

    @Test func echoesIdsAsGivenInOrder() async throws {
        let result = try await run(
            ShoutTask(),
            """
            {"id": 1, "text": "a"}
            {"id": "x-2", "text": "b", "extra": true}

            {"id": 1234964653014384644, "text": "c"}
            """)
        #expect(result.raw[0].contains("\"id\":1"))
        #expect(result.lines.map { $0["shout"] as? String } == ["A", "B", "C"])
        #expect(result.lines[1]["id"] as? String == "x-2")
        #expect(result.raw[2].contains("1234964653014384644"))
    }

    @Test func badLinesAreReportedAndProcessingContinues() async throws {
        let result = try await run(
            ShoutTask(),
            """
            {"id": 1, "text": "bad"}
            {"id": 2, "text": 5}
            not json at all
            {"text": "no id"}
            {"id": 5, "text": "trunc
            {"id": 6, "text": "fine"}
            """)
        #expect(result.lines.map { $0["id"] as? Int } == [1, 2, 5, 6])
        #expect(result.lines[0]["error"] as? String == "text is bad")
        #expect((result.lines[1]["error"] as? String)?.contains("\"text\"") == true)
        #expect(result.lines[2]["error"] != nil)
        #expect(result.lines[3]["shout"] as? String == "FINE")
        #expect(result.warnings.contains { $0.hasPrefix("line 3:") })
        #expect(result.warnings.contains { $0.hasPrefix("line 4:") })
    }

    @Test func wholeInputTasksSeeEveryLine() async throws {
        let result = try await run(GroupTask(), "{\"id\":1,\"group\":\"a\"}\n{\"id\":2,\"group\":\"b\"}\n{\"id\":3,\"group\":\"a\"}\n")
        #expect(result.lines.map { $0["size"] as? Int } == [2, 1, 2])
        #expect(result.lines.map { $0["id"] as? Int } == [1, 2, 3])
    }
}

@Suite("batch retrieve-verify")
struct RetrieveVerifyTaskTests {
    struct StoreUnreadable: Error, CustomStringConvertible {
        var description: String { "the store could not be read" }
    }

    /// A store that fails is that line's error, not a claim with "not enough info".
    @Test func aFailingStoreIsAnErrorLineNotAVerdict() async throws {
        let task = RetrieveVerifyBatchTask(verifier: try ClaimVerifier.bundled(relevance: false), retrieve: { _ in throw StoreUnreadable() })
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("{\"id\": 1, \"claim\": \"The council voted 7 to 2.\"}\n".utf8))
        try pipe.fileHandleForWriting.close()
        var output = Data()
        let summary = try await BatchRunner(task: task).run(input: pipe.fileHandleForReading, write: { output.append($0) }, warn: { _ in })
        #expect(summary.errors == 1)
        let line = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(line["error"] as? String == "the store could not be read")
        #expect(line["label"] == nil)
    }
}
