import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Evidence store: import rate (passages/s) and search latency p50/p95 over generated passages.",
        discussion: """
            Generates documents from a Zipf-distributed vocabulary of 50,000 words (about four \
            25-word passages each), imports them in batches into a fresh SQLite store, reports the \
            import rate and the process's peak memory, then times claim-sized queries (8 terms, two \
            of them common words): first through the backend's own full-text index (FTS5, or \
            PostgreSQL's), then through the posting index built over the store. --keep reuses a store \
            that holds passages. --db postgres://… measures the shared store.
            """
    )

    @Option(help: "Passages to generate.")
    var passages: Int = 100_000

    @Option(help: "Queries to time.")
    var queries: Int = 500

    @Option(help: "Store file or postgres:// address (default: a file in the temporary folder).")
    var db: String?

    @Flag(help: "Reuse the store file if it exists instead of importing again.")
    var keep = false

    @Option(help: "Seed.")
    var seed: UInt64 = 42

    func run() async throws {
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-\(passages).sqlite").path
        var synthetic = SyntheticStore(passages: passages, seed: seed)
        let (store, fresh) = try await synthetic.open(path: path, keep: keep)
        let backend = StoreOptions.isShared(path) ? "PostgreSQL" : "SQLite"
        if fresh {
            try await time(store, vocabulary: synthetic.vocabulary, label: "\(backend), its own full-text index")
            let clock = ContinuousClock()
            let start = clock.now
            let indexed = try await store.rebuildIndex()
            print(
                "indexed \(indexed) passages in \(String(format: "%.1f", Self.seconds(clock.now - start))) s; peak memory \(Self.peakMemoryMB()) MB")
        } else {
            try await store.ensureIndex()
        }
        try await time(store, vocabulary: synthetic.vocabulary, label: "\(backend), posting index")
    }

    /// Times `queries` claim-sized searches: two common words and six mid-frequency ones.
    func time(_ store: any EvidenceStore, vocabulary: [String], label: String) async throws {
        var generator = SeededGenerator(seed: seed &+ 1)
        let clock = ContinuousClock()
        let baseline = Self.peakMemoryMB()
        var latencies: [Double] = []
        var found = 0
        for _ in 0..<queries {
            var words = (0..<2).map { _ in vocabulary[Int.random(in: 0..<20, using: &generator)] }
            words += (0..<6).map { _ in vocabulary[Int.random(in: 200..<5000, using: &generator)] }
            let start = clock.now
            let hits = try await store.search(PassageQuery(text: words.joined(separator: " "), limit: 10))
            latencies.append(Self.seconds(clock.now - start) * 1000)
            if !hits.isEmpty { found += 1 }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(
            String(
                format: "search (%@): %d queries of 8 terms, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %d with hits", label, queries,
                percentile(0.5), percentile(0.95), percentile(0.99), found))
        print("peak memory: \(Self.peakMemoryMB()) MB (\(baseline) MB before searching); resident now \(Self.residentMB()) MB")
    }

    static func word(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var value = index + 1
        var word = ""
        while value > 0 {
            word.append(letters[value % 26])
            value /= 26
        }
        return word + "o"
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func size(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0) }
    }

    /// The process's resident memory now, from /proc/self/status.
    static func residentMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.filter(\.isNumber)) ?? 0) / 1024
    }

    /// The process's peak resident memory, from /proc/self/status.
    static func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return (Int(line.filter(\.isNumber)) ?? 0) / 1024
    }
}
