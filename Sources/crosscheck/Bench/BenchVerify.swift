import ArgumentParser
import CrosscheckKit
import CrosscheckSQLite
import Foundation

struct BenchVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Claims verified per second against a generated store: retrieval, re-ranking, stance and verdict.",
        discussion: """
            Builds (or with --keep reuses) the same generated store as `bench store`, then verifies \
            claims made from stored sentences — half verbatim, half with one word swapped — each \
            through two queries' worth of retrieval, re-ranking and five judged passages, on one core.
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

    func run() async throws {
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-\(passages).sqlite").path
        var synthetic = SyntheticStore(passages: passages, seed: seed)
        let store = try await synthetic.open(path: path, keep: keep)
        let documents = try await store.statistics().documents
        var generator = SeededGenerator(seed: seed &+ 2)
        var texts: [String] = []
        while texts.count < claims {
            guard let stored = try await store.document(id: Int64.random(in: 1...Int64(documents), using: &generator)) else { continue }
            let sentences = stored.document.text.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !sentences.isEmpty else { continue }
            var words = sentences[Int.random(in: 0..<sentences.count, using: &generator)].split(separator: " ").map(String.init)
            if texts.count % 2 == 1 { words[Int.random(in: 0..<words.count, using: &generator)] = synthetic.draw() }
            texts.append(words.joined(separator: " ") + ".")
        }
        let verifier = try ClaimVerifier.bundled(encoder: wordsOnly ? nil : try SharedEncoder.required(for: "bench verify"))
        let before = BenchStore.peakMemoryMB()
        let clock = ContinuousClock()
        let start = clock.now
        var labels: [String: Int] = [:]
        var caught = (verbatim: 0, swapped: 0)
        for (index, text) in texts.enumerated() {
            let label = try await verifier.verify(claim: text, store: store).label
            labels[label, default: 0] += 1
            if index % 2 == 0, label == "supported" { caught.verbatim += 1 }
            if index % 2 == 1, label == "refuted" { caught.swapped += 1 }
        }
        let seconds = BenchStore.seconds(clock.now - start)
        print(String(format: "verified %d claims in %.2f s: %.0f claims/s", claims, seconds, Double(claims) / seconds))
        print("verdicts: " + labels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("stance: \(verifier.judge.modelVersion); verbatim claims supported \(caught.verbatim) of \((texts.count + 1) / 2), "
            + "one-word swaps refuted \(caught.swapped) of \(texts.count / 2)")
        print("peak memory: \(BenchStore.peakMemoryMB()) MB (\(before) MB before verifying); resident now \(BenchStore.residentMB()) MB")
    }
}
