import CrosscheckKit
import CrosscheckTesting
import Foundation
import Synchronization
import Testing

@Suite("The engine assembly")
struct EngineTests {
    static let article = ArticleInput(
        data: Data(
            """
            Harbour bridge tolls rise 40 percent

            The city council voted on Tuesday to raise tolls on the harbour bridge by 40 percent from March, \
            the first rise since 2011. "We cannot keep the bridge open on the old tolls," said Mayor Ana Ruiz.
            """.utf8), name: "story.txt")

    @Test func eachModelIsReadOnceHoweverManyCheckersAndStagesUseIt() throws {
        let engine = Engine(models: try ModelDirectory.standard())
        for _ in 0..<3 {
            let report = try engine.articleChecker().check(Self.article)
            #expect(!report.claims.isEmpty)
        }
        _ = try engine.verifier()
        _ = try engine.verifier(relevance: false)
        _ = try engine.matcher(factChecks: [])
        let counts = engine.loadCounts
        #expect(counts.keys.contains("checkworthiness"))
        #expect(counts.keys.contains("techniques"))
        #expect(counts.keys.contains("stance"))
        #expect(counts.values.allSatisfy { $0 == 1 }, "\(counts)")
    }

    /// Past the number embedded at each start, a store's fact-checks are compared by meaning once
    /// their embeddings are kept (as `factchecks import` keeps them), and by words before.
    @Test func factChecksWhoseEmbeddingsAreKeptAreComparedByMeaning() throws {
        let engine = Engine(models: try ModelDirectory.standard())
        guard try engine.encoder() != nil else { return }
        // Fact-checks no other run has embedded, so their file is made here.
        let unique = UUID().uuidString
        let checks = [
            FactCheck(id: "a-\(unique)", claim: "Ferry fares doubled this spring (\(unique)).", rating: "False"),
            FactCheck(id: "b-\(unique)", claim: "The bridge will close for good (\(unique)).", rating: "False"),
        ]
        #expect(try engine.matcher(factChecks: checks, embedLimit: 1).encoder == nil)
        #expect(try engine.storeFactCheckEmbeddings(checks))
        #expect(try !engine.storeFactCheckEmbeddings(checks), "kept already")
        let matcher = try engine.matcher(factChecks: checks, embedLimit: 1)
        #expect(matcher.encoder != nil)
        #expect(matcher.match("Boat tickets cost twice as much since March.", limit: 1, includeWeak: true).first?.factCheck.id == "a-\(unique)")
    }

    @Test func anEngineIsSharedAcrossConcurrentChecks() throws {
        let engine = Engine(models: try ModelDirectory.standard())
        // Threads of their own (not Swift's two cooperative ones, which other suites' servers need).
        let digests = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let digest = (try? engine.articleChecker().check(Self.article).claims.map(\.text).joined()) ?? "failed"
            digests.withLock { $0.append(digest) }
        }
        #expect(digests.withLock { Set($0) }.count == 1)
        #expect(!digests.withLock { $0.contains("failed") })
        #expect(engine.loadCounts.values.allSatisfy { $0 == 1 }, "\(engine.loadCounts)")
    }

    @Test func reportsRecordEveryModelAndThresholdTheyUsed() throws {
        let engine = Engine(models: try ModelDirectory.standard())
        let report = try engine.articleChecker().check(Self.article)
        #expect(report.engine.models["checkworthiness"] != nil)
        #expect(report.engine.models["techniques"] != nil)
        #expect(report.engine.thresholds["claims"]?["checkworthy"] != nil)
        #expect(report.engine.thresholds["techniques"]?.isEmpty == false)
    }

    @Test func anEmptyModelFolderIsAClearErrorNotACrash() throws {
        let folder = ScratchFolder.root.appendingPathComponent("crosscheck-no-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = Engine(models: try ModelDirectory.named(folder.path))
        #expect(try engine.encoder() == nil)
        let error = try #require(throws: CrosscheckError.self) { try engine.articleChecker() }
        #expect(error.code == .modelMissing)
        #expect(error.adjustment == .modelDirectory)
        #expect(error.message.contains(folder.path))
        // The failure is remembered, not retried from disk.
        _ = try? engine.checkworthiness()
        #expect(engine.loadCounts["checkworthiness"] == 1)
    }

    @Test func aModelFolderMustBeALocalFolder() throws {
        let address = try #require(throws: CrosscheckError.self) { try ModelDirectory.named("postgres://db.example/crosscheck") }
        #expect(address.code == .invalidArgument)
        let missing = try #require(throws: CrosscheckError.self) { try ModelDirectory.named("/nonexistent/models") }
        #expect(missing.code == .modelMissing)
        // Logs say where the error was made; the user's message does not.
        #expect(missing.origin.file.hasSuffix("ModelDirectory.swift"))
        #expect(String(reflecting: missing).contains("ModelDirectory.swift:"))
        #expect(!missing.description.contains("ModelDirectory.swift"))
        let file = try #require(throws: CrosscheckError.self) { try ModelDirectory.named(#filePath) }
        #expect(file.code == .modelMissing)
    }

    @Test func theEnvironmentVariableNamesTheFolder() throws {
        let built = try #require(ModelDirectory.built)
        #expect(try ModelDirectory.standard(environment: [:]) == built)
        #expect(try ModelDirectory.standard(environment: [ModelDirectory.environmentVariable: "/tmp"]).url.path == "/tmp")
        #expect(throws: CrosscheckError.self) { try ModelDirectory.standard(environment: [ModelDirectory.environmentVariable: "/nonexistent"]) }
    }
}
