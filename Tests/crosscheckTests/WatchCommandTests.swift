import CrosscheckTesting
import Foundation
import Testing

@Suite("crosscheck watch")
struct WatchCommandTests {
    /// SIGTERM (as a service manager sends it) ends the watch cleanly: exit status 0, the store
    /// left as it was, and the log says it stopped.
    @Test func sigtermStopsWatchingCleanly() async throws {
        let store = ScratchFolder.root.appendingPathComponent("crosscheck-watch-\(UUID().uuidString).sqlite").path
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
                    let said = Said()
                    errors.fileHandleForReading.readabilityHandler = { handle in said.append(handle.availableData) }
                    try process.run()
                    // Signal once it is watching (its handlers are set up then), however slowly a busy
                    // machine starts it; a signal before that would only test the default action.
                    let started = Date().addingTimeInterval(240)
                    while !said.text.contains("watching sources"), process.isRunning, Date() < started { Thread.sleep(forTimeInterval: 0.1) }
                    Thread.sleep(forTimeInterval: 1)
                    process.terminate()
                    let deadline = Date().addingTimeInterval(15)
                    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    errors.fileHandleForReading.readabilityHandler = nil
                    said.append(errors.fileHandleForReading.readDataToEndOfFile())
                    continuation.resume(returning: (process.terminationStatus, said.text))
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

/// What a process has written so far, gathered from a pipe's handler thread.
final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
