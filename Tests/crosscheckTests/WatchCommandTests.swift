import Foundation
import Testing

@Suite("crosscheck watch")
struct WatchCommandTests {
    /// SIGTERM (as a service manager sends it) ends the watch cleanly: exit status 0, the store
    /// left as it was, and the log says it stopped.
    @Test func sigtermStopsWatchingCleanly() async throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-watch-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let added = try await CommandRunner.run(["sources", "add", "http://127.0.0.1:9/feed.xml", "--name", "ledger", "--db", store])
        #expect(added.status == 0, "\(added.stderr)")
        let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, String), any Error>) in
            Thread.detachNewThread {
                do {
                    let process = Process()
                    process.executableURL = CommandRunner.executable
                    process.arguments = ["watch", "--db", store, "--check", "1"]
                    let errors = Pipe()
                    process.standardError = errors
                    process.standardOutput = FileHandle.nullDevice
                    try process.run()
                    Thread.sleep(forTimeInterval: 2)
                    process.terminate()
                    let deadline = Date().addingTimeInterval(15)
                    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    continuation.resume(returning: (process.terminationStatus, text))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        #expect(result.0 == 0, "\(result.1)")
        #expect(result.1.contains("watching sources"))
        #expect(result.1.contains("stopped"))
        let listed = try await CommandRunner.run(["sources", "list", "--db", store])
        #expect(listed.stdout.contains("ledger"))
    }
}
