import CrosscheckTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("crosscheck serve")
struct ServeCommandTests {
    /// What a newsroom does first: start the server, submit the example page over HTTP, follow the
    /// job, read the report, and stop the server with SIGTERM.
    @Test func submitFollowAndFetchOverHTTPThenStopWithSigterm() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-serve-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        // The first admin and a token, as the README's set-up makes them.
        let added = try await CommandRunner.run(["users", "add", "ana", "--role", "admin", "--db", store])
        #expect(added.status == 0, "\(added.stderr)")
        let issued = try await CommandRunner.run(["users", "token", "ana", "--db", store])
        let token = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("cc_"))
        let port = Int.random(in: 20_000..<40_000)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--port", String(port), "--db", store]
        process.currentDirectoryURL = CommandRunner.root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let base = "http://127.0.0.1:\(port)"

        var healthy = false
        for _ in 0..<150 where !healthy {
            try await Task.sleep(for: .milliseconds(200))
            healthy = (try? await Self.request(base + "/health"))?.status == 200
        }
        #expect(healthy, "the server did not answer /health")

        let page = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Examples/harbour-bridge.html"))
        let anonymous = try await Self.request(base + "/api/v1/articles", method: "POST", body: page, contentType: "text/html")
        #expect(anonymous.status == 401)
        let submitted = try await Self.request(base + "/api/v1/articles", method: "POST", body: page, contentType: "text/html", token: token)
        #expect(submitted.status == 202)
        let id = try #require(submitted.json["id"] as? String)
        var state = ""
        for _ in 0..<300 where state != "done" && state != "failed" {
            try await Task.sleep(for: .milliseconds(200))
            state = try await Self.request(base + "/api/v1/jobs/\(id)", token: token).json["state"] as? String ?? ""
        }
        #expect(state == "done")
        let report = try await Self.request(base + "/api/v1/jobs/\(id)/report", token: token)
        #expect(report.status == 200)
        #expect((report.json["article"] as? [String: Any])?["title"] as? String == "Council approves $48 million Harbour Bridge repair plan")

        process.terminate()
        let exited = try await Self.waitForExit(process, seconds: 20)
        #expect(exited)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("serving"))
    }

    struct Answer {
        var status: Int
        var json: [String: Any]
    }

    static func request(
        _ address: String, method: String = "GET", body: Data? = nil, contentType: String? = nil, token: String? = nil
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: address)!, timeoutInterval: 10)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, json: json)
    }

    /// Waits on a thread of its own for the process to exit.
    static func waitForExit(_ process: Process, seconds: Double) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(seconds)
                while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                continuation.resume(returning: !process.isRunning)
            }
        }
    }

    /// A config file sets what the flags would, the environment overrides it, and a misspelt
    /// setting is refused rather than ignored.
    @Test func aConfigFileSetsTheServerUpAndTheEnvironmentOverridesIt() async throws {
        let folder = ScratchFolder.root.appendingPathComponent("crosscheck-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("newsroom.sqlite").path
        let filePort = Int.random(in: 20_000..<30_000), environmentPort = filePort + 10_000
        let config = folder.appendingPathComponent("serve.json")
        try Data(#"{"port": \#(filePort), "db": "\#(store)", "publisher": "The Ledger", "workers": 1}"#.utf8).write(to: config)

        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--config", config.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["CROSSCHECK_PORT": String(environmentPort)]) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var healthy = false
        for _ in 0..<150 where !healthy {
            try await Task.sleep(for: .milliseconds(200))
            healthy = (try? await Self.request("http://127.0.0.1:\(environmentPort)/health"))?.status == 200
        }
        #expect(healthy, "the server did not listen on CROSSCHECK_PORT")
        #expect((try? await Self.request("http://127.0.0.1:\(filePort)/health")) == nil)
        // The store named in the file is the one it opened.
        #expect(FileManager.default.fileExists(atPath: store))
        process.terminate()
        #expect(try await Self.waitForExit(process, seconds: 20))

        try Data(#"{"prot": 8080}"#.utf8).write(to: config)
        let misspelt = try await CommandRunner.run(["serve", "--config", config.path])
        #expect(misspelt.status == 14)
        #expect(misspelt.stderr.contains("unknown settings: prot"))
        try Data(#"{"port": "eighty"}"#.utf8).write(to: config)
        let wrongKind = try await CommandRunner.run(["serve", "--config", config.path])
        #expect(wrongKind.status == 14 && wrongKind.stderr.contains("port"))
        try Data(#"{"port": 70000}"#.utf8).write(to: config)
        let outOfRange = try await CommandRunner.run(["serve", "--config", config.path])
        #expect(outOfRange.status == 14 && outOfRange.stderr.contains("port in the config file 70000 is not a port"))
        let missing = try await CommandRunner.run(["serve", "--config", folder.appendingPathComponent("nope.json").path])
        #expect(missing.status == 14 && missing.stderr.contains("cannot be read"))
        // An address where only a file works is refused, not opened as a file (bounded: were it
        // not refused, the server would run).
        // (postgres:// is the shared store; another scheme is nothing a store can open.)
        try Data(#"{"db": "mysql://newsroom@db/crosscheck"}"#.utf8).write(to: config)
        let refused = Process()
        refused.executableURL = CommandRunner.executable
        refused.arguments = ["serve", "--config", config.path, "--port", String(filePort)]
        refused.environment = ProcessInfo.processInfo.environment.filter { $0.key != "CROSSCHECK_DB" }
        refused.standardError = FileHandle.nullDevice
        refused.standardOutput = FileHandle.nullDevice
        try refused.run()
        defer { if refused.isRunning { kill(refused.processIdentifier, SIGKILL) } }
        let exited = try await Self.waitForExit(refused, seconds: 20)
        #expect(exited)
        if exited { #expect(refused.terminationStatus == 14) }
    }

    @Test func usersAreAddedGivenTokensListedAndRemoved() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-users-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        #expect(try await CommandRunner.run(["users", "add", "ana", "--role", "editor", "--db", store]).status == 0)
        let duplicate = try await CommandRunner.run(["users", "add", "ana", "--db", store])
        #expect(duplicate.status == 14)
        #expect(duplicate.stderr.contains("already someone called ana"))
        let badRole = try await CommandRunner.run(["users", "add", "bo", "--role", "owner", "--db", store])
        #expect(badRole.status == 14)
        let tooMuch = try await CommandRunner.run(["users", "token", "ana", "--role", "admin", "--db", store])
        #expect(tooMuch.status == 14)
        let shortPassword = try await CommandRunner.run(["users", "add", "cy", "--password-stdin", "--db", store], stdin: Data("short\n".utf8))
        #expect(shortPassword.status == 14)
        let token = try await CommandRunner.run(["users", "token", "ana", "--role", "viewer", "--db", store])
        #expect(token.stdout.hasPrefix("cc_"))
        let listed = try await CommandRunner.run(["users", "list", "--db", store])
        #expect(listed.stdout.contains("ana\teditor"))
        #expect(listed.stdout.contains("(viewer)"))
        #expect(!listed.stdout.contains(token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "a token is shown once, never listed")
        #expect(try await CommandRunner.run(["users", "remove", "ana", "--db", store]).status == 0)
        #expect(try await CommandRunner.run(["users", "remove", "ana", "--db", store]).status == 14)
    }
}
