import CrosscheckTesting
import Foundation
import Testing

/// Runs the built `crosscheck` executable, as a user would.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, where `Examples/` lives.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `crosscheck` executable next to the test bundle.
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("crosscheck")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/crosscheck")
    }

    /// Runs the executable on a thread of its own and waits without holding one of Swift's
    /// cooperative threads (on two cores there are two, and an in-process test server needs them).
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, stdin: stdin, environment: environment) })
            }
        }
    }

    /// Runs the executable and blocks the calling thread until it exits.
    static func runBlocking(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"
        env.removeValue(forKey: "LOG_LEVEL")
        // Never read or write the user's own store.
        env["CROSSCHECK_DB"] =
            ScratchFolder.root.appendingPathComponent("crosscheck-no-store-\(UUID().uuidString)/none.sqlite").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The same as ``run(_:stdin:environment:)``, kept for the tests that name it.
    static func runDetached(_ arguments: [String]) async throws -> Result {
        try await run(arguments)
    }

    /// Compares `actual` with the golden file `name`, or rewrites it when `CROSSCHECK_UPDATE_GOLDEN=1`.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent("Tests/crosscheckTests/Resources/golden/" + name)
        if ProcessInfo.processInfo.environment["CROSSCHECK_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "output differs from golden \(name); rerun with CROSSCHECK_UPDATE_GOLDEN=1 after checking the change",
            sourceLocation: sourceLocation)
    }

    /// A JSON report with its run-dependent fields (time made, timings) removed, keys sorted.
    static func stableJSON(_ text: String) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object.removeValue(forKey: "generated_at")
        object.removeValue(forKey: "timings")
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
