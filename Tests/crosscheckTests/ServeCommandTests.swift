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
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-serve-\(UUID().uuidString).sqlite").path
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

    @Test func usersAreAddedGivenTokensListedAndRemoved() async throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-users-\(UUID().uuidString).sqlite").path
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
