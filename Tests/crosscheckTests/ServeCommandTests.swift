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
        let submitted = try await Self.request(base + "/api/v1/articles", method: "POST", body: page, contentType: "text/html")
        #expect(submitted.status == 202)
        let id = try #require(submitted.json["id"] as? String)
        var state = ""
        for _ in 0..<300 where state != "done" && state != "failed" {
            try await Task.sleep(for: .milliseconds(200))
            state = try await Self.request(base + "/api/v1/jobs/\(id)").json["state"] as? String ?? ""
        }
        #expect(state == "done")
        let report = try await Self.request(base + "/api/v1/jobs/\(id)/report")
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

    static func request(_ address: String, method: String = "GET", body: Data? = nil, contentType: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: address)!, timeoutInterval: 10)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
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
}
