import CrosscheckKit
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

    /// A word from the store's own stream (the documents are made of these).
    mutating func draw() -> String { draw(using: &generator) }

    /// A word drawn with `generator`, leaving the store's own stream alone: claims drawn so are the
    /// same whether or not this run generated the store.
    func draw(using generator: inout SeededGenerator) -> String {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return vocabulary[low]
    }

    /// Opens the store at `path` (a SQLite file or a `postgres://` address), generating and
    /// importing it first unless `keep` is set and it holds passages; prints the import rate.
    /// Returns the store and whether it was imported now (with no posting index yet).
    mutating func open(path: String, keep: Bool) async throws -> (store: any EvidenceStore, fresh: Bool) {
        let clock = ContinuousClock()
        let shared = StoreOptions.isShared(path)
        if !shared, !keep {
            for suffix in ["", "-wal", "-shm", ".index"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try StoreOptions.open(path)
        if keep, try await store.statistics().passages > 0 { return (store, false) }
        guard try await store.statistics().passages == 0 else {
            throw CrosscheckError(
                .invalidArgument, "\(StoreOptions.shown(path)) holds passages already; give an empty database, or --keep to reuse it")
        }
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
        if !shared { print("peak memory so far: \(BenchStore.peakMemoryMB()) MB; store file \(ByteCount(BenchStore.size(path)))") }
        return (store, true)
    }
}
