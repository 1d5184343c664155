import Foundation

/// A minimal W3C WebDriver client for chromedriver: a headless Chromium session, navigation,
/// elements by CSS selector, typing, clicking, scripts, page source and screenshots.
struct WebDriver {
    /// Where Debian's `chromium` and `chromium-driver` put their programs.
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    /// Why no browser test can run here, when none can.
    static var unavailable: String? {
        let files = FileManager.default
        guard files.isExecutableFile(atPath: chromium), files.isExecutableFile(atPath: chromedriver) else {
            return "no browser: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)"
        }
        return nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    let session: String

    /// Opens a headless session on the chromedriver listening on `port`.
    static func open(port: Int) async throws -> WebDriver {
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"],
                    ],
                ]
            ]
        ]
        let answer = try await call(port, "/session", "POST", capabilities)
        guard let session = (answer as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "chromedriver opened no session: \(String(describing: answer))")
        }
        return WebDriver(port: port, session: session)
    }

    func go(_ url: String) async throws { _ = try await command("url", "POST", ["url": url]) }

    func currentURL() async throws -> String { try await command("url", "GET") as? String ?? "" }

    func source() async throws -> String { try await command("source", "GET") as? String ?? "" }

    /// The first element matching `css`, waiting up to `seconds` for it to appear.
    func element(_ css: String, seconds: Double = 30) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let found = try? await command("element", "POST", ["using": "css selector", "value": css]) as? [String: Any],
                let id = found.values.first as? String
            {
                return id
            }
            guard Date() < deadline else { throw Failure(description: "no element matches \(css) after \(seconds) s") }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    func type(_ css: String, _ text: String) async throws {
        let id = try await element(css)
        _ = try await command("element/\(id)/value", "POST", ["text": text])
    }

    func click(_ css: String) async throws {
        let id = try await element(css)
        _ = try await command("element/\(id)/click", "POST", [:])
    }

    /// Puts `text` into the field matching `css` at once, as a paste does (typing a whole page key by
    /// key takes minutes on a busy machine), and tells the page it changed.
    func paste(_ css: String, _ text: String) async throws {
        _ = try await element(css)
        _ = try await execute(
            "const field = document.querySelector(arguments[0]); field.value = arguments[1];"
                + " field.dispatchEvent(new Event('input', {bubbles: true}));", css, text)
    }

    /// Runs `script` (a function body) in the page with `arguments`, and answers what it returns.
    func execute(_ script: String, _ arguments: String...) async throws -> Any? {
        try await command("execute/sync", "POST", ["script": script, "args": arguments])
    }

    /// A PNG of the window.
    func screenshot() async throws -> Data {
        guard let encoded = try await command("screenshot", "GET") as? String, let data = Data(base64Encoded: encoded) else {
            throw Failure(description: "chromedriver returned no screenshot")
        }
        return data
    }

    /// Sets the window's size (a phone is about 390 × 844).
    func resize(width: Int, height: Int) async throws { _ = try await command("window/rect", "POST", ["width": width, "height": height]) }

    func close() async { _ = try? await Self.call(port, "/session/\(session)", "DELETE", nil) }

    private func command(_ path: String, _ method: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(port, "/session/\(session)/" + path, method, body)
    }

    /// One WebDriver call; answers its `value`, or throws with chromedriver's message.
    static func call(_ port: Int, _ path: String, _ method: String, _ body: [String: Any]?) async throws -> Any? {
        // A page load on two cores busy with the rest of the suite can take minutes; this is a bound.
        let answer = try await LoopbackHTTP.send(
            port: port, method: method, path: path, body: try body.map { try JSONSerialization.data(withJSONObject: $0) }, timeout: 240)
        guard answer.status == 200 else {
            throw Failure(description: "\(method) \(path): \(answer.status) \(String(decoding: answer.body, as: UTF8.self).prefix(500))")
        }
        return (try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["value"]
    }
}
