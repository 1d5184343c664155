import CrosscheckTesting
import FlyingFox
import Foundation
import Testing

@Suite("crosscheck check, end to end")
struct CheckCommandTests {
    @Test func goldenJSONReportForTheExamplePage() async throws {
        let result = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        try CommandRunner.expectGolden(try CommandRunner.stableJSON(result.stdout), "harbour-bridge.report.json")
    }

    @Test func reportHasTheDocumentedFields() async throws {
        let result = try await CommandRunner.run(["check", "Examples/transit-fares.json", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["schema"] as? String == "crosscheck.report/1")
        #expect((report["engine"] as? [String: Any])?["version"] is String)
        let article = try #require(report["article"] as? [String: Any])
        let paragraphs = try #require(article["paragraphs"] as? [String])
        #expect(article["text"] as? String == paragraphs.joined(separator: "\n\n"))
        #expect(article["published"] as? String == "2026-04-02T08:00:00Z")
        let comments = try #require(article["comments"] as? [[String: Any]])
        #expect(comments.map { $0["id"] as? String } == ["1", "2", "3"])
        #expect(report["claims"] is [Any])
        let input = try #require(report["input"] as? [String: Any])
        #expect((input["digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect((report["timings"] as? [[String: Any]])?.map { $0["stage"] as? String } == ["extract", "segment", "claims", "language", "comments"])
        let claims = try #require(report["claims"] as? [[String: Any]])
        #expect(claims.count == 6)
        let scores = claims.compactMap { $0["checkworthiness"] as? Double }
        #expect(scores == scores.sorted(by: >), "claims are ranked by check-worthiness")
        for claim in claims {
            let start = try #require(claim["start"] as? Int)
            let end = try #require(claim["end"] as? Int)
            let text = try #require(article["text"] as? String)
            let scalars = Array(text.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == claim["text"] as? String)
            #expect(["named", "anonymous", "none"].contains((claim["attribution"] as? [String: Any])?["kind"] as? String))
        }
        #expect((report["engine"] as? [String: Any]).flatMap { $0["models"] as? [String: String] }?["checkworthiness"] != nil)
    }

    @Test func pastedPageWithAThreadIsSplitAndScreenedByMeaning() async throws {
        let result = try await CommandRunner.run(["check", "Examples/ferry-route-copied.txt", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let article = try #require(report["article"] as? [String: Any])
        let paragraphs = try #require(article["paragraphs"] as? [String])
        #expect(paragraphs.count == 5, "\(paragraphs)")
        #expect(!paragraphs.contains { $0.contains("Verify the accuracy") || $0.contains("Advertisement") })
        let comments = try #require(article["comments"] as? [[String: Any]])
        #expect(
            comments.map { $0["author"] as? String } == [
                "Hannah Iverson", "Tomasz Wrobel", "Gemma Stroud", "Rob Kinnear", "civic_voice_88", "northshore_view", "Priya Raman",
            ])
        let screens = try #require(report["comments"] as? [[String: Any]])
        let flags = screens.map { Set($0["flags"] as? [String] ?? []) }
        #expect(flags[2].contains("off_topic") && flags[3].contains("off_topic"), "the phone exchange")
        #expect(flags[4].contains("template") && flags[5].contains("template"), "one comment reworded by two accounts")
        #expect(screens[4]["cluster"] as? String == screens[5]["cluster"] as? String)
        for index in [0, 1, 6] { #expect(flags[index].isEmpty, "\(screens[index])") }
        let summary = try #require(report["comment_summary"] as? [String: Any])
        #expect(summary["method"] as? String == "meaning")
    }

    @Test func helpText() async throws {
        let result = try await CommandRunner.run(["check", "--help"])
        #expect(result.status == 0)
        try CommandRunner.expectGolden(result.stdout, "check-help.txt")
    }

    @Test func standardInputAsMarkdown() async throws {
        let text = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Examples/school-meals-copied.txt"))
        let result = try await CommandRunner.run(["check", "-", "--format", "markdown"], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# School meals program reaches 12,000 pupils, district says\n"))
        #expect(result.stdout.contains("## Comments"))
    }

    @Test func terminalOutputHasNoColourWhenPiped() async throws {
        let result = try await CommandRunner.run(["check", "Examples/harbour-bridge.html"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.hasPrefix("Council approves $48 million Harbour Bridge repair plan\n"))
    }

    @Test func writesToAFile() async throws {
        let path = ScratchFolder.root.appendingPathComponent("crosscheck-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await CommandRunner.run(["check", "Examples/transit-fares.json", "--format", "json", "--output", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// An output path that is a link (or a device such as /dev/null) is written through, not
    /// replaced by a regular file as an atomic write's rename would.
    @Test func writesThroughALinkAndLeavesItALink() async throws {
        let folder = ScratchFolder.root.appendingPathComponent("crosscheck-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.json").path
        let link = folder.appendingPathComponent("link.json").path
        try Data(String(repeating: "old content that is longer than nothing\n", count: 2000).utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for command in [
            ["check", "Examples/transit-fares.json", "--format", "json", "--output", link],
            ["batch", "machine-text", "--input", "Tests/crosscheckTests/Resources/batch/text.jsonl", "--output", link],
        ] {
            let result = try await CommandRunner.run(command)
            #expect(result.status == 0, "\(command[0]): \(result.stderr)")
            let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
            #expect(type == .typeSymbolicLink, "\(command[0]) left the link a link")
            let written = try String(contentsOfFile: target, encoding: .utf8)
            #expect(!written.contains("old content"), "\(command[0]) replaced what the target held")
        }
    }
}

@Suite("crosscheck check, errors and exit codes")
struct CheckErrorTests {
    func temporaryFile(_ data: Data, suffix: String) throws -> String {
        let path = ScratchFolder.root.appendingPathComponent("crosscheck-\(UUID().uuidString)\(suffix)").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectFailure(_ arguments: [String], status: Int32, mentions: String, stdin: Data? = nil) async throws {
        let result = try await CommandRunner.run(arguments, stdin: stdin)
        #expect(result.status == status, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(mentions), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        if status != 64 {
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        }
    }

    @Test func missingFile() async throws {
        try await expectFailure(["check", "no/such/article.html"], status: 3, mentions: "no such file")
    }

    @Test func directoryInsteadOfFile() async throws {
        try await expectFailure(["check", "Examples"], status: 4, mentions: "is a directory")
    }

    @Test func emptyArticleSuggestsTextMode() async throws {
        let path = try temporaryFile(Data("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8), suffix: ".html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await expectFailure(["check", path], status: 6, mentions: "--input-format text")
    }

    @Test func binaryInput() async throws {
        let path = try temporaryFile(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48]), suffix: ".png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await expectFailure(["check", path], status: 7, mentions: "binary")
    }

    @Test func oversizedInput() async throws {
        try await expectFailure(["check", "Examples/harbour-bridge.html", "--max-input-size", "1KB"], status: 8, mentions: "--max-input-size")
        try await expectFailure(
            ["check", "-", "--max-input-size", "10"], status: 8, mentions: "standard input", stdin: Data(repeating: 0x61, count: 100))
    }

    @Test func unreachableURL() async throws {
        try await expectFailure(["check", "http://127.0.0.1:1/story", "--timeout", "3"], status: 9, mentions: "could not reach")
    }

    @Test func httpErrorStatus() async throws {
        // Served from a thread of its own: the command is another process, and the test process's
        // cooperative threads may be busy with other suites' analyses.
        try await withStaticLoopbackServer(pages: ["/gone": StaticPage(status: 404, body: "gone")]) { base in
            let result = try await CommandRunner.runDetached(["check", base + "/gone"])
            #expect(result.status == 10, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("HTTP 404"))
        }
    }

    @Test func malformedJSON() async throws {
        let path = try temporaryFile(Data(#"{"title": "x", "text": "#.utf8), suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await expectFailure(["check", path], status: 11, mentions: "not valid JSON")
    }

    @Test func badOptionValues() async throws {
        try await expectFailure(["check", "Examples/harbour-bridge.html", "--input-format", "pdf"], status: 14, mentions: "--input-format")
        try await expectFailure(["check", "Examples/harbour-bridge.html", "--max-input-size", "lots"], status: 14, mentions: "--max-input-size")
        try await expectFailure(["check", "Examples/harbour-bridge.html", "--output", "/no/such/dir/out.json"], status: 15, mentions: "cannot write")
    }

    @Test func usageErrors() async throws {
        let result = try await CommandRunner.run(["check"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument"))
    }
}

@Suite("crosscheck check: the engine's models")
struct CheckModelsTests {
    @Test func checkReadsEachModelOnce() async throws {
        let result = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "-f", "json", "--log-level", "debug"])
        #expect(result.status == 0, "\(result.stderr)")
        let loads = result.stderr.split(separator: "\n").filter { $0.contains("model loaded") }
        let names = loads.compactMap { line in line.split(separator: " ").first { $0.hasPrefix("model=") } }
        #expect(names.contains("model=checkworthiness"))
        #expect(names.contains("model=techniques"))
        #expect(names.count == Set(names).count, "a model was read twice: \(names)")
    }

    @Test func aFolderWithoutModelsIsAModelMissingErrorThatNamesTheRemedy() async throws {
        let folder = ScratchFolder.root.appendingPathComponent("crosscheck-empty-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let byOption = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--models", folder.path])
        #expect(byOption.status == 16)
        #expect(byOption.stderr.contains("check-worthiness model is not in \(folder.path)"))
        #expect(byOption.stderr.contains("--models DIR or CROSSCHECK_MODELS"))
        let byEnvironment = try await CommandRunner.run(
            ["check", "Examples/harbour-bridge.html"], environment: ["CROSSCHECK_MODELS": folder.path])
        #expect(byEnvironment.status == 16)
        #expect(!byEnvironment.stderr.contains("Fatal error"))
    }

    @Test func anAddressIsRefusedWhereAModelFolderIsWanted() async throws {
        let result = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--models", "postgres://db/crosscheck"])
        #expect(result.status == 14)
        #expect(result.stderr.contains("local folder"))
        #expect(!result.stderr.contains("ModelDirectory.swift"))
        let debug = try await CommandRunner.run(
            ["check", "Examples/harbour-bridge.html", "--models", "postgres://db/crosscheck", "--log-level", "debug"])
        #expect(debug.stderr.contains("debug: ") && debug.stderr.contains("ModelDirectory.swift:"))
    }
}
