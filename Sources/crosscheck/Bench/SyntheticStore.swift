import CrosscheckKit
import CrosscheckSQLite
import Foundation

/// A store of generated documents for benchmarks: words drawn from a Zipf-distributed vocabulary
/// of 50,000 made-up words, nine 9-word sentences per document (about four passages).
struct SyntheticStore {
    var passages: Int
    let vocabulary: [String]
    private var generator: SeededGenerator
    private let cumulative: [Double]

    init(passages: Int, seed: UInt64) {
        self.passages = passages
        vocabulary = (0..<50_000).map { BenchStore.word($0) }
        generator = SeededGenerator(seed: seed)
        // Zipf: P(rank r) ∝ 1 / r, sampled through the cumulative distribution.
        var cumulative: [Double] = []
        var total = 0.0
        for rank in 1...vocabulary.count {
            total += 1 / Double(rank)
            cumulative.append(total)
        }
        self.cumulative = cumulative
    }

    mutating func draw() -> String {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return vocabulary[low]
    }

    /// Opens the store at `path`, generating and importing it first unless `keep` is set and it
    /// exists; prints the import rate and builds the passage index.
    mutating func open(path: String, keep: Bool) async throws -> SQLiteEvidenceStore {
        let clock = ContinuousClock()
        if !(keep && FileManager.default.fileExists(atPath: path)) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let store = try SQLiteEvidenceStore(path: path)
            var made = 0
            var batch: [EvidenceDocument] = []
            let start = clock.now
            var documentNumber = 0
            while made < passages {
                documentNumber += 1
                var sentences: [String] = []
                for _ in 0..<9 {
                    var words: [String] = []
                    for _ in 0..<9 { words.append(draw()) }
                    let sentence = words.joined(separator: " ")
                    sentences.append(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
                }
                batch.append(
                    EvidenceDocument(
                        externalID: "d\(documentNumber)", source: "bench", title: "Document \(documentNumber)",
                        published: "2026-01-01", retrieved: "2026-03-01T00:00:00Z", text: sentences.joined(separator: " ")))
                made += 4
                if batch.count == 500 {
                    _ = try await store.add(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = try await store.add(batch)
            let seconds = BenchStore.seconds(clock.now - start)
            let statistics = try await store.statistics()
            print(
                "imported \(statistics.documents) documents, \(statistics.passages) passages in \(String(format: "%.1f", seconds)) s: \(Int(Double(statistics.passages) / seconds)) passages/s"
            )
            print("peak memory so far: \(BenchStore.peakMemoryMB()) MB; store file \(ByteCount(BenchStore.size(path)))")
        }
        let store = try SQLiteEvidenceStore(path: path)
        if FileManager.default.fileExists(atPath: store.indexPath), keep {
            print("using the existing passage index")
        } else {
            let start = clock.now
            let indexed = try await store.rebuildIndex()
            print(
                "indexed \(indexed) passages in \(String(format: "%.1f", BenchStore.seconds(clock.now - start))) s; index file \(ByteCount(BenchStore.size(store.indexPath))); peak memory \(BenchStore.peakMemoryMB()) MB"
            )
        }
        return store
    }
}
