import Foundation
import Testing

/// The import rules of `docs/architecture.md`: each target imports only what its layer may. The
/// engine (CrosscheckKit) knows no SQL, HTTP client or argument parsing; stores, fetching and
/// evaluation stand on the engine and not on each other; only the command line sees them all.
@Suite("Architecture")
struct ArchitectureTests {
    static let allowed: [String: Set<String>] = [
        "CrosscheckModels": ["Foundation"],
        "CrosscheckKit": [
            "CrosscheckModels", "Crypto", "_CryptoExtras", "Foundation", "FoundationEssentials", "Logging", "CLibXML2", "Glibc", "Dispatch",
            "Synchronization",
        ],
        "CrosscheckSQLite": ["CrosscheckKit", "GRDB", "Foundation", "Logging"],
        "CrosscheckPostgres": ["CrosscheckKit", "PostgresNIO", "NIOSSL", "Foundation", "Logging", "Synchronization"],
        "CrosscheckFetch": ["CrosscheckKit", "Foundation", "FoundationNetworking", "Logging", "ServiceLifecycle"],
        "CrosscheckEval": ["CrosscheckKit", "Foundation", "Logging"],
        "CrosscheckServer": [
            "CrosscheckKit", "CrosscheckFetch", "Foundation", "Hummingbird", "HTTPTypes", "NIOCore", "Logging", "Metrics", "Mustache",
            "Prometheus", "ServiceLifecycle", "Synchronization",
        ],
        "CrosscheckTesting": ["Foundation", "FoundationNetworking", "FlyingFox", "FlyingSocks", "Glibc", "Synchronization"],
        "crosscheck": [
            "CrosscheckKit", "CrosscheckSQLite", "CrosscheckPostgres", "CrosscheckFetch", "CrosscheckEval", "CrosscheckServer", "ArgumentParser",
            "Logging",
            "Metrics", "Prometheus", "ServiceLifecycle", "UnixSignals", "Foundation",
            "FoundationNetworking", "Glibc", "Dispatch",
        ],
    ]

    /// Every `import` of every Swift file of `target`, with the file it is in.
    static func imports(of target: String) throws -> [(file: String, module: String)] {
        let folder = CommandRunner.root.appendingPathComponent("Sources/\(target)")
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var result: [(String, String)] = []
        let pattern = try NSRegularExpression(
            pattern: #"^(?:@\w+\s+)?(?:public |internal |package |private |fileprivate )?import\s+(?:struct |class |enum |func )?(\w+)"#)
        for case let url as URL in files where url.pathExtension == "swift" {
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let text = String(line)
                if let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                    let range = Range(match.range(at: 1), in: text)
                {
                    result.append((url.lastPathComponent, String(text[range])))
                }
            }
        }
        return result
    }

    @Test(arguments: [
        "CrosscheckModels", "CrosscheckKit", "CrosscheckSQLite", "CrosscheckPostgres", "CrosscheckFetch", "CrosscheckEval", "CrosscheckServer",
        "CrosscheckTesting", "crosscheck",
    ])
    func importsStayInTheirLayer(target: String) throws {
        let allowed = try #require(Self.allowed[target])
        let found = try Self.imports(of: target)
        #expect(!found.isEmpty, "no Swift files read for \(target)")
        let broken = found.filter { !allowed.contains($0.module) }
        #expect(broken.isEmpty, "\(target) may not import: \(broken.map { "\($0.module) (\($0.file))" }.joined(separator: ", "))")
    }

    /// Subcommands talk to the store protocols; only the store options choose a backend (and the
    /// store benchmark measures the SQLite one).
    @Test func subcommandsDoNotNameAStoreBackend() throws {
        let folder = CommandRunner.root.appendingPathComponent("Sources/crosscheck/Subcommands")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var naming: [String] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let backends = ["SQLiteEvidenceStore", "import CrosscheckSQLite", "PostgresStore", "import CrosscheckPostgres"]
            if backends.contains(where: text.contains) { naming.append(url.lastPathComponent) }
        }
        #expect(naming.isEmpty, "these subcommands name a store backend: \(naming)")
    }
}
