import CrosscheckTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The review pages in a real browser: headless Chromium, driven through chromedriver, against a
/// `crosscheck serve` process on a loopback port. Screenshots of the queue and the article page are
/// kept in `.build/test-artefacts/` (or `CROSSCHECK_ARTEFACTS`).
@Suite("Review pages in a browser", .enabled(if: WebDriver.unavailable == nil, Comment(rawValue: WebDriver.unavailable ?? "")))
struct BrowserTests {
    static var artefacts: URL {
        ProcessInfo.processInfo.environment["CROSSCHECK_ARTEFACTS"].map { URL(fileURLWithPath: $0) }
            ?? CommandRunner.root.appendingPathComponent(".build/test-artefacts")
    }

    /// What an editor does on a first morning: sign in, submit the bundled example, override a
    /// verdict with a note, and find the change in the audit log.
    @Test func signInSubmitOverrideAndFindItInTheAuditLog() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-browser-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let password = "correct horse battery staple"
        let added = try await CommandRunner.run(
            ["users", "add", "ed", "--role", "editor", "--password-stdin", "--db", store], stdin: Data((password + "\n").utf8))
        #expect(added.status == 0, "\(added.stderr)")

        let port = Int.random(in: 20_000..<30_000)
        let server = try Self.start(CommandRunner.executable, ["serve", "--port", String(port), "--db", store])
        defer { Self.stop(server) }
        let base = "http://127.0.0.1:\(port)"
        #expect(try await Self.waitUntilAnswering(base + "/health"), "the server did not start")
        let (driver, browser) = try await Self.openBrowser()
        defer { Self.stop(driver) }
        defer { Task { await browser.close() } }

        // Signing in: the queue sends an anonymous visitor to the form.
        try await browser.go(base + "/")
        #expect(try await browser.currentURL().hasSuffix("/login"))
        try await browser.type("#name", "ed")
        try await browser.type("#password", password)
        try await browser.click("form[action='/login'] button[type=submit]")
        _ = try await browser.element("#lane-new")
        #expect(try await browser.source().contains("ed · editor"))

        // Submitting the bundled example by pasting its page into the form.
        let example = try String(contentsOf: CommandRunner.root.appendingPathComponent("Examples/harbour-bridge.html"), encoding: .utf8)
        try await browser.paste("#article", example)
        try await browser.click("form[action='/articles'] button[type=submit]")
        // The article page reloads itself until the analysis is done.
        _ = try await browser.element("#claim-1 form.review", seconds: 300)
        let articleURL = try await browser.currentURL()
        let article = try await browser.source()
        #expect(article.contains("Council approves $48 million Harbour Bridge repair plan"))
        #expect(article.contains("class=\"claim\""))
        try Self.keep(try await browser.screenshot(), "article-page.png")

        // Overriding claim 1's verdict with a note.
        try await browser.click("#verdict-1 option[value=refuted]")
        try await browser.type("#note-1", "The state budget puts its share at 25 percent, not 40.")
        try await browser.click("#claim-1 form.review button[type=submit]")
        _ = try await browser.element("#claim-1 .label.refuted")
        #expect(try await browser.source().contains("by ed"))

        try await browser.go(base + "/")
        _ = try await browser.element("section[aria-labelledby=lane-inReview] li a")
        try Self.keep(try await browser.screenshot(), "queue.png")

        try await browser.go(base + "/audit")
        let audit = try await browser.source()
        #expect(audit.contains("review.override"))
        #expect(audit.contains("The state budget puts its share at 25 percent, not 40."))
        #expect(audit.contains("not enough info → refuted") || audit.contains("→ refuted"))
        try Self.keep(try await browser.screenshot(), "audit-log.png")

        // On a phone the article page is one column.
        try await browser.resize(width: 390, height: 844)
        try await browser.go(articleURL)
        _ = try await browser.element("#claim-1")
        try Self.keep(try await browser.screenshot(), "article-page-phone.png")
    }

    /// Starts chromedriver on a free port and opens a headless session; stop the process when done.
    static func openBrowser() async throws -> (Process, WebDriver) {
        let driverPort = Int.random(in: 30_000..<40_000)
        let driver = try start(URL(fileURLWithPath: WebDriver.chromedriver), ["--port=\(driverPort)"])
        var driverReady = false
        for _ in 0..<150 where !driverReady {
            try await Task.sleep(for: .milliseconds(200))
            driverReady = (try? await LoopbackHTTP.send(port: driverPort, method: "GET", path: "/status", timeout: 5))?.status == 200
        }
        guard driverReady else {
            stop(driver)
            throw WebDriver.Failure(description: "chromedriver did not start")
        }
        do {
            return (driver, try await WebDriver.open(port: driverPort))
        } catch {
            stop(driver)
            throw error
        }
    }

    static func keep(_ png: Data, _ name: String) throws {
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        try png.write(to: artefacts.appendingPathComponent(name))
    }

    static func start(_ executable: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    static func waitUntilAnswering(_ address: String) async throws -> Bool {
        for _ in 0..<150 {
            try await Task.sleep(for: .milliseconds(200))
            var request = URLRequest(url: URL(string: address)!, timeoutInterval: 5)
            request.httpMethod = "GET"
            if let (_, response) = try? await URLSession.shared.data(for: request), (response as? HTTPURLResponse)?.statusCode == 200 {
                return true
            }
        }
        return false
    }
}
