import CrosscheckTesting
import Foundation
import Testing

@Suite("crosscheck sources, search and factchecks", .serialized)
struct SourcesCommandTests {
    func temporaryDB() -> String {
        ScratchFolder.root.appendingPathComponent("crosscheck-cli-\(UUID().uuidString).sqlite").path
    }

    @Test func importSearchAndReimport() async throws {
        let db = temporaryDB()
        let first = try await CommandRunner.run(["sources", "import", "Examples", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 10 documents"), "four articles and six evidence documents")
        #expect(first.stdout.contains("1 already stored"), "the demo page is the example article again")
        let second = try await CommandRunner.run(["sources", "import", "Examples", "--db", db])
        #expect(second.stdout.contains("imported 0 documents"), "re-importing adds nothing")
        #expect(second.stdout.contains("11 already stored"))
        let search = try await CommandRunner.run(["search", "busiest crossing bridge", "--db", db, "--format", "json", "--limit", "1"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        #expect((hits.first?["title"] as? String)?.contains("Harbour Bridge") == true)
        #expect(hits.first?["url"] as? String == "https://ledger.example/news/2026/03/harbour-bridge-repair")

        // The indexes beside the store: BM25 postings and, with the encoder, passages by meaning.
        let words = try await CommandRunner.run(["sources", "index", "--no-dense", "--db", db])
        #expect(words.status == 0 && words.stdout.contains("indexed ") && !words.stdout.contains("dense"), "\(words.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db + ".dense"))
        let indexed = try await CommandRunner.run(["sources", "index", "--db", db])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let passages = try #require(indexed.stdout.firstMatch(of: /indexed (\d+) passages/)?.1)
        #expect(indexed.stdout.contains("built the dense index of \(passages) passages"))
        #expect(FileManager.default.fileExists(atPath: db + ".dense"))
        let verified = try await CommandRunner.run(["verify", "The council approved the Harbour Bridge repair plan.", "--db", db, "--format", "json"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(!verified.stderr.contains("dense index cannot be used"))
    }

    @Test func jsonLinesImportWithBadLines() async throws {
        let db = temporaryDB()
        let file = ScratchFolder.root.appendingPathComponent("docs-\(UUID().uuidString).jsonl")
        try """
        {"id": "n1", "title": "Mill", "published": "2026-02-01", "text": "The textile mill reopened on Saturday after a fire."}
        {broken
        {"id": "n2", "title": "Museum", "published": "2025-06-01", "text": "The museum reopened after a renovation."}
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await CommandRunner.run(["sources", "import", file.path, "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.contains("imported 2 documents"))
        #expect(result.stderr.contains(":2: not a JSON object"))
        let recent = try await CommandRunner.run(["search", "reopened", "--since", "2026-01-01", "--db", db, "--format", "json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(recent.stdout.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["document_key"] as? String } == ["n1"])
    }

    @Test func sourcesAddListRemove() async throws {
        let db = temporaryDB()
        let added = try await CommandRunner.run([
            "sources", "add", "https://ledger.example/feed.xml", "--every", "1h", "--name", "ledger", "--db", db,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let list = try await CommandRunner.run(["sources", "list", "--db", db])
        #expect(list.stdout.contains("ledger  feed  every 3600s  https://ledger.example/feed.xml"))
        let bad = try await CommandRunner.run(["sources", "add", "https://x.example/", "--every", "often", "--db", db])
        #expect(bad.status == 14)
        #expect(try await CommandRunner.run(["sources", "remove", "ledger", "--db", db]).status == 0)
        #expect(try await CommandRunner.run(["sources", "remove", "ledger", "--db", db]).status == 14)
    }

    @Test func factchecksImportSearchAndCheckShowsMatches() async throws {
        let db = temporaryDB()
        let file = ScratchFolder.root.appendingPathComponent("checks-\(UUID().uuidString).jsonl")
        try """
        {"id": "fc-bridge", "claim": "The Port Alder council voted to spend $48 million repairing the Harbour Bridge.", "rating": "True", "url": "https://checks.example/bridge"}
        {"id": "fc-fares", "claim": "Bus fares doubled in Port Alder last year.", "rating": "False"}
        """.write(to: file, atomically: true, encoding: .utf8)
        let imported = try await CommandRunner.run(["factchecks", "import", file.path, "--db", db])
        #expect(imported.stdout.contains("imported 2 fact-checks (2 new"))
        let search = try await CommandRunner.run(["factchecks", "search", "council spends $48 million on Harbour Bridge repairs", "--db", db])
        #expect(search.stdout.contains("The Port Alder council voted"), "\(search.stdout)")
        // A claim that starts with a minus sign goes after --, and the usage error says so.
        let dashed = try await CommandRunner.run(["factchecks", "search", "-48 million for Harbour Bridge repairs", "--db", db])
        #expect(dashed.status == 64)
        #expect(dashed.stderr.contains("goes after --"), "\(dashed.stderr)")
        let terminated = try await CommandRunner.run(["factchecks", "search", "--db", db, "--", "-48 million for Harbour Bridge repairs"])
        #expect(terminated.status == 0, "\(terminated.stderr)")
        #expect(terminated.stdout.contains("The Port Alder council voted"), "\(terminated.stdout)")
        let report = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        let matched = claims.first { ($0["factcheck_matches"] as? [[String: Any]])?.isEmpty == false }
        #expect((matched?["factcheck_matches"] as? [[String: Any]])?.first?["id"] as? String == "fc-bridge")
    }

    @Test func batchMatchAgainstAFactCheckFile() async throws {
        let file = ScratchFolder.root.appendingPathComponent("checks-\(UUID().uuidString).jsonl")
        try """
        {"id": "a", "claim": "Oreo released Lady Gaga themed cookies.", "title": "Lady Gaga Oreos"}
        {"id": "b", "claim": "A video shows a ten-meter anaconda in a river.", "title": "Giant anaconda?"}
        """.write(to: file, atomically: true, encoding: .utf8)
        let input = "{\"id\": 1, \"text\": \"OREO x LADY GAGA packs drop today!\"}\n{\"id\": 2, \"text\": \"huge anaconda filmed swimming\"}\n"
        let result = try await CommandRunner.run(["batch", "match", "--factchecks", file.path, "--top", "1"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        #expect(((lines[0]["matches"] as? [[String: Any]])?.first?["id"] as? String) == "a")
        #expect(((lines[1]["matches"] as? [[String: Any]])?.first?["id"] as? String) == "b")
        #expect((lines[0]["matches"] as? [[String: Any]])?.count == 1)
    }

    /// How many documents the store at `db` holds now (0 while it cannot be read).
    static func storedDocuments(_ db: String, sqlite3: URL) throws -> Int {
        // Not before the import has made the file: the shell would make an empty one.
        guard FileManager.default.fileExists(atPath: db) else { return 0 }
        let query = Process()
        query.executableURL = sqlite3
        query.arguments = [db, "SELECT COUNT(*) FROM document;"]
        let pipe = Pipe()
        query.standardOutput = pipe
        query.standardError = FileHandle.nullDevice
        try query.run()
        query.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Kill an import mid-way: every stored document must have all its passages, and the store opens.
    @Test func aCrashMidImportLeavesNoPartialDocuments() async throws {
        let db = temporaryDB()
        let file = ScratchFolder.root.appendingPathComponent("many-\(UUID().uuidString).jsonl")
        var lines = ""
        for index in 0..<20_000 {
            lines +=
                "{\"id\": \"d\(index)\", \"text\": \"Document \(index) says the council met on day \(index). It voted \(index % 9) to \(index % 7). Residents \(index) spoke.\"}\n"
        }
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["sources", "import", file.path, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once the first documents are stored (a fixed wait overran on a busy machine and
        // the import had finished), or after 1.5 s where the sqlite3 shell is not installed.
        let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")
        if FileManager.default.isExecutableFile(atPath: sqlite3.path) {
            let started = ContinuousClock.now
            while ContinuousClock.now - started < .seconds(60), process.isRunning, try Self.storedDocuments(db, sqlite3: sqlite3) == 0 {
                try await Task.sleep(for: .milliseconds(20))
            }
        } else {
            try await Task.sleep(for: .milliseconds(1500))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The store opens and is consistent.
        let check = try await CommandRunner.run(["sources", "list", "--db", db])
        #expect(check.status == 0, "\(check.stderr)")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        let pipe = Pipe()
        sqlite.arguments = [
            db,
            "PRAGMA integrity_check; SELECT COUNT(*) FROM document WHERE id NOT IN (SELECT documentId FROM passage); SELECT (SELECT COUNT(*) FROM passage) = (SELECT COUNT(*) FROM passageFTS); SELECT COUNT(*) < 20000 FROM document;",
        ]
        sqlite.standardOutput = pipe
        try sqlite.run()
        sqlite.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output == "ok\n0\n1\n1\n", "integrity, documents without passages, FTS in step, interrupted: \(output)")
    }
}
