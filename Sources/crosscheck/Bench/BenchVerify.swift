import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Claims verified per second against a generated store: retrieval, re-ranking, stance and verdict.",
        discussion: """
            Builds (or with --keep reuses) the same generated store as `bench store`, then verifies \
            claims made from stored sentences — half verbatim, half with one word swapped — each \
            through retrieval, re-ranking and up to five judged passages, on one core; claims are judged \
            in batches (--batch), as an article's check-worthy claims are.
            """
    )

    @Option(help: "Passages in the store.")
    var passages: Int = 100_000

    @Option(help: "Claims to verify.")
    var claims: Int = 500

    @Option(help: "Store file (default: a file in the temporary folder, shared with bench store).")
    var db: String?

    @Flag(help: "Reuse the store file if it exists instead of importing again.")
    var keep = false

    @Option(help: "Seed.")
    var seed: UInt64 = 42

    @Flag(help: "Judge stance with the word-cue model instead of the inference model (the baseline).")
    var wordsOnly = false

    @Option(help: "Passages judged a claim (default: the verifier's).")
    var judged: Int?

    @Option(help: "Claims judged together in one batch (an article's check-worthy claims are).")
    var batch: Int = 30

    @Flag(
        help: "Find passages by meaning beside BM25: build the store's dense index (unless --keep finds one), time its searches, and verify with it.")
    var dense = false

    @Option(
        help: "Sentences of a passage the inference model reads, those sharing most terms with the claim (0 or absent: the whole passage).")
    var focus: Int?

    func run() async throws {
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-\(passages).sqlite").path
        var synthetic = SyntheticStore(passages: passages, seed: seed)
        let (store, _) = try await synthetic.open(path: path, keep: keep)
        try await store.ensureIndex()
        let documents = try await store.statistics().documents
        var generator = SeededGenerator(seed: seed &+ 2)
        var texts: [String] = []
        var sources: [Int64] = []
        while texts.count < claims {
            guard let stored = try await store.document(id: Int64.random(in: 1...Int64(documents), using: &generator)) else { continue }
            let sentences = stored.document.text.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !sentences.isEmpty else { continue }
            var words = sentences[Int.random(in: 0..<sentences.count, using: &generator)].split(separator: " ").map(String.init)
            if texts.count % 2 == 1 {
                // The swapped word comes from the claims' stream, not the store's, which importing uses up.
                words[Int.random(in: 0..<words.count, using: &generator)] = synthetic.draw(using: &generator)
            }
            texts.append(words.joined(separator: " ") + ".")
            sources.append(stored.id)
        }
        var verifier = try ClaimVerifier.bundled(encoder: wordsOnly ? nil : try SharedEngine.engine().requiredEncoder(for: "bench verify"))
        if let judged { verifier.passagesPerClaim = judged }
        if let focus { verifier.judge.focus = EvidenceFocus(sentences: focus > 0 ? focus : nil) }
        if dense { verifier.dense = try await denseRetriever(store: store, claims: texts, sources: sources) }
        let before = BenchStore.peakMemoryMB()
        let clock = ContinuousClock()
        let start = clock.now
        var labels: [String: Int] = [:]
        var caught = (verbatim: 0, swapped: 0)
        // Claims go through as an article's would: retrieved one by one, judged in batches.
        for first in stride(from: 0, to: texts.count, by: batch) {
            let chunk = Array(texts[first..<min(first + batch, texts.count)])
            var items: [(claim: String, quote: Quotation?, retrieved: [RankedPassage])] = []
            for text in chunk { items.append((text, nil, try await verifier.retrieve(claim: text, store: store))) }
            for (offset, verification) in verifier.verify(items).enumerated() {
                let index = first + offset
                let label = verification.label
                labels[label, default: 0] += 1
                if index % 2 == 0, label == "supported" { caught.verbatim += 1 }
                if index % 2 == 1, label == "refuted" { caught.swapped += 1 }
            }
        }
        let seconds = BenchStore.seconds(clock.now - start)
        print(String(format: "verified %d claims in %.2f s: %.0f claims/s", claims, seconds, Double(claims) / seconds))
        print("verdicts: " + labels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(
            "stance: \(verifier.judge.modelVersion), up to \(verifier.passagesPerClaim) passages judged a claim, claims in batches of \(batch); verbatim claims supported \(caught.verbatim) of \((texts.count + 1) / 2), "
                + "one-word swaps refuted \(caught.swapped) of \(texts.count / 2)")
        print("peak memory: \(BenchStore.peakMemoryMB()) MB (\(before) MB before verifying); resident now \(BenchStore.residentMB()) MB")
    }

    /// The store's dense index, built unless `--keep` finds one made with the right model; prints
    /// its build time, search latency over `claims` and the graph's recall against exact search.
    func denseRetriever(store: any DocumentStore, claims: [String], sources: [Int64]) async throws -> DenseRetriever {
        let engine = try SharedEngine.engine()
        guard let indexing = try engine.denseIndexing() else {
            throw CrosscheckError(.modelMissing, "--dense needs the sentence encoder, which cannot run here")
        }
        let clock = ContinuousClock()
        var start = clock.now
        let built = keep ? try await indexing.refreshIfStale(store) : try await indexing.rebuild(store)
        if let built { print(String(format: "dense index of %d passages built in %.1f s", built, BenchStore.seconds(clock.now - start))) }
        guard let retriever = try await engine.denseRetriever(for: store) else {
            throw CrosscheckError(.unreadable, "the dense index could not be opened; see the warning above")
        }
        start = clock.now
        let queries = claims.map(retriever.vector)
        let embedding = BenchStore.seconds(clock.now - start) / Double(max(claims.count, 1))
        let checked = min(queries.count, 50)
        let exact = queries.prefix(checked).map { Set(retriever.index.search($0, limit: 10, exact: true).map(\.rowID)) }
        print(
            "dense index: \(retriever.index.model), \(retriever.index.hasGraph ? "HNSW graph" : "exact search"); query embedding \(String(format: "%.2f", embedding * 1000)) ms"
        )
        let path = try await store.denseIndexPath() ?? ""
        // Breadth 0 stands for exact search.
        for breadth in retriever.index.hasGraph ? [0, 100, retriever.index.searchBreadth, 400, 800] : [0] {
            let index = try DenseIndex(path: path, searchBreadth: max(breadth, 1))
            var times: [Double] = []
            var agreed = 0
            var own = 0
            for (number, query) in queries.enumerated() {
                let begun = clock.now
                let found = index.search(query, limit: 10, exact: breadth == 0).map(\.rowID)
                times.append(BenchStore.seconds(clock.now - begun) * 1000)
                if number < checked { agreed += exact[number].intersection(found).count }
                let documents = try await store.passages(rowIDs: found, scoredFor: PassageQuery(text: "", limit: 10)).map(\.documentID)
                if documents.contains(sources[number]) { own += 1 }
            }
            times.sort()
            let method = breadth == 0 ? "exact search" : "graph, search breadth \(breadth)"
            print(
                "  \(method): "
                    + String(
                        format:
                            "p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d queries; the claim's own document in the top 10 for %.3f; recall@10 against exact search %.3f (%d queries)",
                        times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)], times.last ?? 0, times.count,
                        Double(own) / Double(max(queries.count, 1)), Double(agreed) / Double(max(checked * 10, 1)), checked))
        }
        return retriever
    }
}
