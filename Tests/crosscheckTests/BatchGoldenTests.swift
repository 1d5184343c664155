import CrosscheckTesting
import Foundation
import Testing

/// Every `crosscheck batch` task over a fixed input file (good lines, and lines with missing,
/// mistyped or unparsable fields), compared byte for byte with its recorded output: the JSON
/// Lines shapes of EVAL.md must not drift when the code behind them changes.
@Suite("crosscheck batch: byte-identical output on fixed inputs")
struct BatchGoldenTests {
    static let inputs = "Tests/crosscheckTests/Resources/batch/"

    @Test(arguments: ["checkworthiness", "machine-text", "language", "quotes"])
    func textTasks(task: String) async throws {
        let result = try await CommandRunner.run(["batch", task, "--input", Self.inputs + "text.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("line 9: not valid JSON and no id could be read"))
        try CommandRunner.expectGolden(result.stdout, "batch-\(task).jsonl")
    }

    @Test func verify() async throws {
        let result = try await CommandRunner.run(["batch", "verify", "--input", Self.inputs + "verify.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        try CommandRunner.expectGolden(result.stdout, "batch-verify.jsonl")
    }

    @Test func comments() async throws {
        let result = try await CommandRunner.run(["batch", "comments", "--input", Self.inputs + "comments.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        try CommandRunner.expectGolden(result.stdout, "batch-comments.jsonl")
    }

    @Test func match() async throws {
        let result = try await CommandRunner.run([
            "batch", "match", "--input", Self.inputs + "match.jsonl", "--factchecks", Self.inputs + "factchecks.jsonl",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        try CommandRunner.expectGolden(result.stdout, "batch-match.jsonl")
    }

    @Test func retrieveVerify() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-golden-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let imported = try await CommandRunner.run(["sources", "import", Self.inputs + "docs.jsonl", "--db", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try await CommandRunner.run(["batch", "retrieve-verify", "--input", Self.inputs + "rv.jsonl", "--index", store])
        #expect(result.status == 0, "\(result.stderr)")
        try CommandRunner.expectGolden(result.stdout, "batch-retrieve-verify.jsonl")
    }
}
