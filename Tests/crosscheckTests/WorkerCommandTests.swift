import CrosscheckKit
import CrosscheckPostgres
import CrosscheckTesting
import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Workers sharing a PostgreSQL store, and copying an embedded store into one, as a user runs
/// them. Skipped without `CROSSCHECK_TEST_POSTGRES` (`.ci/run` starts a server).
@Suite("crosscheck worker and migrate", .serialized, .enabled(if: ScratchDatabase.server != nil))
struct WorkerCommandTests {
    /// A worker killed with SIGKILL in the middle of a job: another takes the job once the lease
    /// runs out, and the job ends done once, with one report.
    @Test func aWorkerKilledMidJobLeavesItToAnotherAndTheJobIsDoneOnce() async throws {
        let address = try await ScratchDatabase.make(on: ScratchDatabase.server!)
        let store = try PostgresStore(address: address)
        let page = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Examples/harbour-bridge.html"))
        // The page answers the first worker slowly (within its 20 s fetch timeout), so it is surely
        // mid-job when it is killed even on a loaded machine; the second worker gets it at once.
        try await withStaticLoopbackServer(pages: ["/story": StaticPage(body: page, firstDelay: 15)]) { base in
            let job = try await store.enqueue(ArticleInput(data: Data(), name: "Harbour bridge", url: base + "/story"))
            let first = try Self.startWorker(address)
            try await Self.waitFor(seconds: 240, Self.said(by: first)) {
                let seen = try await store.job(id: job.id)
                if seen?.state == .failed || seen?.state == .done {
                    Issue.record("the job ended before the worker was killed: \(String(describing: seen))\n\(Self.said(by: first)())")
                    throw CancellationError()
                }
                return seen?.state == .running
            }
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            #expect(try await store.job(id: job.id)?.state == .running, "the killed worker's job stays taken until its lease runs out")
            let second = try Self.startWorker(address)
            defer {
                second.terminate()
                second.waitUntilExit()
            }
            try await Self.waitFor(seconds: 240, Self.said(by: second)) { try await store.job(id: job.id)?.state == .done }
            let done = try #require(try await store.job(id: job.id))
            #expect(done.attempts == 2 && done.error == nil)
            let report = try #require(try await store.report(forJob: job.id))
            let object = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
            #expect((object["claims"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func migrateCopiesAStoreAndRefusesWhatItCannotUse() async throws {
        let db = ScratchFolder.root.appendingPathComponent("crosscheck-migrate-\(UUID().uuidString).sqlite").path
        let imported = try await CommandRunner.run(["sources", "import", "Examples/sources", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let address = try await ScratchDatabase.make(on: ScratchDatabase.server!)
        let copied = try await CommandRunner.run(["migrate", "--from", db, "--to", address])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("documents:") && copied.stdout.contains("copied"))
        if let password = URLComponents(string: address)?.password {
            #expect(!copied.stdout.contains(":\(password)@"), "the password is not shown")
        }
        let old = try await CommandRunner.run(["sources", "list", "--db", db])
        let new = try await CommandRunner.run(["sources", "list", "--db", address])
        #expect(new.status == 0, "\(new.stderr)")
        let counts = { (text: String) in text.split(separator: "\n").first?.components(separatedBy: ": ").last ?? "" }
        #expect(counts(new.stdout) == counts(old.stdout) && !counts(new.stdout).isEmpty)
        // Run again: nothing more to copy, nothing doubled.
        let again = try await CommandRunner.run(["migrate", "--from", db, "--to", address])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try await CommandRunner.run(["sources", "list", "--db", address]).stdout == new.stdout)
        // A file where an address belongs, and an address where a file belongs, are refused.
        let file = try await CommandRunner.run(["migrate", "--from", db, "--to", db + ".copy"])
        #expect(file.status != 0 && file.stderr.contains("not a PostgreSQL address"))
        let swapped = try await CommandRunner.run(["migrate", "--from", address, "--to", address])
        #expect(swapped.status != 0 && swapped.stderr.contains("give the SQLite file"))
    }

    /// A server on the shared store answers and queues, and leaves the analysis to workers.
    @Test func aServerOnTheSharedStoreQueuesForTheWorkers() async throws {
        let address = try await ScratchDatabase.make(on: ScratchDatabase.server!)
        let added = try await CommandRunner.run(["users", "add", "ana", "--role", "analyst", "--db", address])
        #expect(added.status == 0, "\(added.stderr)")
        let token = try await CommandRunner.run(["users", "token", "ana", "--db", address]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = Int.random(in: 40_000..<50_000)
        let server = Process()
        server.executableURL = CommandRunner.executable
        server.arguments = ["serve", "--port", String(port), "--db", address]
        server.currentDirectoryURL = CommandRunner.root
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = ScratchFolder.root.appendingPathComponent("crosscheck-cache-\(UUID().uuidString)").path
        server.environment = environment
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let store = try PostgresStore(address: address)
        try await Self.waitFor(seconds: 120) {
            guard server.isRunning else { return true }
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/articles?name=story")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("text/html", forHTTPHeaderField: "Content-Type")
            request.httpBody = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Examples/harbour-bridge.html"))
            guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
            return (response as? HTTPURLResponse)?.statusCode == 202
        }
        #expect(server.isRunning, "the server stopped on a shared store")
        try await Task.sleep(for: .seconds(3))
        #expect(try await store.jobs(state: nil, limit: 10).map(\.state) == [.queued], "the server analysed the article itself")
    }

    static func startWorker(_ address: String) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["worker", "--db", address, "--no-feeds", "--lease", "5", "--check", "0.2"]
        process.currentDirectoryURL = CommandRunner.root
        process.standardOutput = FileHandle.nullDevice
        let log = ScratchFolder.root.appendingPathComponent("crosscheck-worker-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        logs.withLock { $0[ObjectIdentifier(process)] = log }
        try process.run()
        return process
    }

    private static let logs = Mutex<[ObjectIdentifier: URL]>([:])

    /// What a worker started by `startWorker` has written to its standard error, for a failure's message.
    static func said(by worker: Process) -> @Sendable () -> String {
        let log = logs.withLock { $0[ObjectIdentifier(worker)] }
        return {
            guard let log, let text = try? String(contentsOf: log, encoding: .utf8) else { return "" }
            return String(text.suffix(2000))
        }
    }

    /// Polls `condition` until it holds, failing the test after `seconds` with what `context` says.
    static func waitFor(
        seconds: Double, _ context: @Sendable () -> String = { "" }, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("gave up waiting after \(Int(seconds)) s\n\(context())")
        throw CancellationError()
    }
}
