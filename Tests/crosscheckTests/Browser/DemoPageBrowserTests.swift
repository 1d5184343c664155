import CrosscheckTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The reader's side in a real browser: `crosscheck serve --demo`, an editor publishing a verdict
/// through the API, and the demo news page in headless Chromium showing it in the Fact Checker box,
/// playing nothing unasked, and holding an off-topic comment with its reason. Screenshots go to
/// `.build/test-artefacts/` with the review pages'.
@Suite("Demo news page in a browser", .enabled(if: WebDriver.unavailable == nil, Comment(rawValue: WebDriver.unavailable ?? "")))
struct DemoPageBrowserTests {
    static let story = "https://ledger.example/news/2026/03/harbour-bridge-repair"

    @Test func theBoxShowsPublishedVerdictsAndAnOffTopicCommentIsHeld() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-demo-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        _ = try await CommandRunner.run(
            ["users", "add", "ed", "--role", "editor", "--password-stdin", "--db", store], stdin: Data("a long enough password\n".utf8))
        let issued = try await CommandRunner.run(["users", "token", "ed", "--db", store])
        let token = try #require(issued.stdout.split(whereSeparator: \.isWhitespace).last.map(String.init))

        let port = Int.random(in: 20_000..<30_000)
        let demo = CommandRunner.root.appendingPathComponent("Examples/demo").path
        let server = try BrowserTests.start(CommandRunner.executable, ["serve", "--demo", "--demo-dir", demo, "--port", String(port), "--db", store])
        defer { BrowserTests.stop(server) }
        let base = "http://127.0.0.1:\(port)"
        #expect(try await BrowserTests.waitUntilAnswering(base + "/health"), "the server did not start")

        // The demo page is analysed at start; an editor then reviews and publishes one verdict.
        let findings = "\(base)/public/v1/findings?url=\(Self.story.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        var state = ""
        for _ in 0..<240 where state != "done" {
            try await Task.sleep(for: .milliseconds(500))
            state = (try? await Self.json(findings))?["state"] as? String ?? ""
        }
        #expect(state == "done", "the demo page was not analysed")
        let jobs = try #require(try await Self.value("\(base)/api/v1/jobs?state=done", token: token) as? [[String: Any]])
        let job = try #require(jobs.first?["id"] as? String)
        let report = try await Self.json("\(base)/api/v1/jobs/\(job)/report", token: token)
        let claims = try #require(report["claims"] as? [[String: Any]])
        let claim = try #require(claims.firstIndex { ($0["text"] as? String)?.contains("40 percent") == true })
        let reviewed = try await Self.send(
            "\(base)/api/v1/jobs/\(job)/reviews", token: token,
            body: #"{"target": "claim:\#(claim):verdict", "action": "override", "value": "refuted", "note": "The state budget says 25 percent."}"#)
        #expect(reviewed == 201)
        #expect(try await Self.send("\(base)/api/v1/jobs/\(job)/claims/\(claim)/publish", token: token, body: "") == 201)

        let (driver, browser) = try await BrowserTests.openBrowser()
        defer { BrowserTests.stop(driver) }
        defer { Task { await browser.close() } }

        try await browser.go(base + "/demo")
        _ = try await browser.element("#comment-form")
        let boxText = "var r = document.getElementById('crosscheck-box').shadowRoot; return r ? r.textContent : '';"
        var box = ""
        for _ in 0..<40 where !box.contains("As of") {
            try await Task.sleep(for: .milliseconds(250))
            box = try await browser.execute(boxText) as? String ?? ""
        }
        #expect(box.contains("Fact Checker"))
        #expect(box.contains("False"), "the published rating")
        #expect(box.contains("40 percent"), "the published claim")
        #expect(box.contains("Automated analysis — not reviewed by an editor"))
        #expect(!box.contains("The state budget says 25 percent"), "the reviewer's note stays in the newsroom")
        let silent = """
            var r = document.getElementById('crosscheck-box').shadowRoot;
            var all = Array.from(document.querySelectorAll('audio, video')).concat(Array.from(r.querySelectorAll('audio')));
            return all.every(function (a) { return a.paused && !a.currentSrc && !a.autoplay; });
            """
        #expect(try await browser.execute(silent) as? Bool == true, "nothing plays or loads until a reader asks")
        try BrowserTests.keep(try await browser.screenshot(), "demo-page.png")

        // Asking to listen points the player at the article's audio.
        _ = try await browser.execute("document.getElementById('crosscheck-box').shadowRoot.querySelector('.listen button').click(); return true;")
        let source = try await browser.execute("return document.getElementById('crosscheck-box').shadowRoot.querySelector('audio').src;") as? String
        #expect(source?.contains("/public/v1/listen?what=article") == true)

        // A comment about something else is held, with its reason.
        try await browser.type("#comment-author", "Research Digest")
        try await browser.type(
            "#comment-text",
            "AI-based detection of linguistic patterns in misinformation is a fascinating research field; detection models still need better training corpora."
        )
        try await browser.click("#comment-form button[type=submit]")
        _ = try await browser.element("#comment-status.held", seconds: 120)
        let status = try await browser.execute("return document.getElementById('comment-status').textContent;") as? String ?? ""
        #expect(status.contains("held for a moderator"))
        #expect(status.contains("about something else"))
        try BrowserTests.keep(try await browser.screenshot(), "demo-comment-held.png")
    }

    static func json(_ address: String, token: String? = nil) async throws -> [String: Any] {
        try #require(try await value(address, token: token) as? [String: Any])
    }

    static func value(_ address: String, token: String? = nil) async throws -> Any {
        var request = URLRequest(url: URL(string: address)!, timeoutInterval: 10)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data)
    }

    static func send(_ address: String, token: String, body: String) async throws -> Int {
        var request = URLRequest(url: URL(string: address)!, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
