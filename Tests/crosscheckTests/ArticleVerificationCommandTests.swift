import CrosscheckTesting
import Foundation
import Testing

@Suite("crosscheck check with an evidence store", .serialized)
struct ArticleVerificationCommandTests {
    func importedStore() async throws -> String {
        let db = ScratchFolder.root.appendingPathComponent("crosscheck-verify-\(UUID().uuidString).sqlite").path
        let result = try await CommandRunner.run(["sources", "import", "Examples/sources/harbour-bridge.jsonl", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    /// The verdict of the claim that begins with `prefix`.
    func verdict(_ claims: [[String: Any]], _ prefix: String) -> [String: Any]? {
        claims.first { ($0["text"] as? String)?.hasPrefix(prefix) == true }?["verdict"] as? [String: Any]
    }

    @Test func articleClaimsGetVerdictsFromTheSources() async throws {
        let db = try await importedStore()
        let result = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--index", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(report["claims"] as? [[String: Any]])

        let vote = try #require(verdict(claims, "The Port Alder city council voted 7 to 2"))
        #expect(vote["label"] as? String == "supported")
        let evidence = try #require((vote["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["document_id"] as? String == "council-minutes")
        #expect(evidence["url"] as? String == "https://portalder.example/council/minutes-2026-03-03")
        #expect(evidence["published"] as? String != nil)
        #expect(vote["as_of"] as? String != nil)

        #expect(verdict(claims, "“We cannot keep patching")?["label"] as? String == "supported")
        let share = try #require(verdict(claims, "The state will cover 40 percent"))
        #expect(share["label"] as? String == "refuted")
        let reasons = (share["evidence"] as? [[String: Any]])?.first?["reasons"] as? [String]
        #expect(reasons?.contains("number check: the claim says 40 percent but the source says 25 percent") == true)
        #expect(verdict(claims, "Officials said the work is expected to be finished by the end of 2027")?["label"] as? String == "refuted")
        #expect(verdict(claims, "The city plans to run extra buses on Route 9")?["label"] as? String == "not_enough_info")
    }

    @Test func terminalAndMarkdownShowVerdictsWithTheirPassage() async throws {
        let db = try await importedStore()
        let terminal = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--index", db, "--no-color"])
        #expect(terminal.stdout.contains("REFUTED"))
        #expect(terminal.stdout.contains("the claim says 40 percent but the source says 25 percent"))
        let markdown = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--index", db, "--format", "markdown"])
        #expect(markdown.stdout.contains("### Verdicts"))
        #expect(markdown.stdout.contains("[State funds bridge repairs in three cities](https://state.example/news/bridge-funding)"))
    }

    @Test func noVerifyAndAMissingIndex() async throws {
        let db = try await importedStore()
        let skipped = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--index", db, "--no-verify", "--format", "json"])
        #expect(!skipped.stdout.contains("\"verdict\""))
        let missing = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--index", "/nonexistent/store.sqlite"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("crosscheck sources import"))
        let badDate = try await CommandRunner.run(["check", "Examples/harbour-bridge.html", "--index", db, "--evidence-until", "soon"])
        #expect(badDate.status == 14)
    }

    @Test func verifyOneClaimAgainstTheStore() async throws {
        let db = try await importedStore()
        let terminal = try await CommandRunner.run(["verify", "The state will cover 40 percent of the Harbour Bridge repair cost.", "--db", db])
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(terminal.stdout.hasPrefix("REFUTED"))
        #expect(terminal.stdout.contains("[state-release]"))
        #expect(terminal.stdout.contains("→ number check: the claim says 40 percent but the source says 25 percent"))
        let json = try await CommandRunner.run(["verify", "Ferry fares will fall in April.", "--db", db, "--format", "json"])
        let verdict = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(verdict["label"] as? String == "refuted")
        #expect((verdict["evidence"] as? [[String: Any]])?.first?["document_id"] as? String == "ferry-fares")
        let nothing = try await CommandRunner.run(["verify", "The moon is made of cheese.", "--db", db, "--format", "json"])
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(nothing.stdout.utf8)) as? [String: Any])
        #expect(empty["label"] as? String == "not_enough_info")
        let missing = try await CommandRunner.run(["verify", "Anything.", "--db", "/nonexistent/store.sqlite"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("crosscheck sources import"))
    }
}
