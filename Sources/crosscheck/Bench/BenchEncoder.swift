import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchEncoder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encoder",
        abstract: "The sentence encoder: sentences/s and tokens/s on one core, load time and memory.",
        discussion: """
            Encodes news-length sentences (generated and seeded, or one a line from --sentences) \
            in batches, three passes, and prints the fastest and the median. --write saves the \
            generated sentences so scripts/encoder/bench.py can time PyTorch and onnxruntime on \
            the same ones.
            """)

    @Option(help: "Sentences to encode when generating them.")
    var count: Int = 1000

    @Option(help: "Read the sentences from this file, one a line.")
    var sentences: String?

    @Option(help: "Write the generated sentences to this file and exit.")
    var write: String?

    @Option(help: "Seed for the sentence generator.")
    var seed: UInt64 = 42

    func run() throws {
        let texts: [String]
        if let sentences {
            texts = try String(contentsOfFile: sentences, encoding: .utf8).split(separator: "\n").map(String.init)
        } else {
            var generator = SyntheticPage(seed: seed)
            texts = (0..<count).map { _ in generator.sentence() }
        }
        if let write {
            try (texts.joined(separator: "\n") + "\n").write(toFile: write, atomically: true, encoding: .utf8)
            print("wrote \(texts.count) sentences to \(write)")
            return
        }
        let clock = ContinuousClock()
        let before = BenchStore.peakMemoryMB()
        var loaded: SentenceEncoder?
        let loadTime = try clock.measure { loaded = try SentenceEncoder.bundled() }
        guard let encoder = loaded else {
            throw ValidationError("the sentence encoder's files are not in the build; restore Sources/CrosscheckModels/Models/encoder")
        }
        let tokens = texts.reduce(0) { $0 + encoder.tokenIDs($1).count }
        _ = encoder.encode(Array(texts.prefix(16)))
        var times: [Double] = []
        for _ in 0..<3 {
            let elapsed = clock.measure { _ = encoder.encode(texts) }
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        let model = encoder.identity
        print("encoder \(model.name) (\(model.details["storage"] ?? "?")), loaded in \(Self.milliseconds(loadTime)) ms")
        print("\(texts.count) sentences, \(tokens) tokens (\(String(format: "%.1f", Double(tokens) / Double(max(1, texts.count)))) a sentence)")
        for (label, seconds) in [("fastest", times[0]), ("median", times[1])] {
            print(
                String(
                    format: "%@: %.2f s, %.1f sentences/s, %.0f tokens/s", label, seconds,
                    Double(texts.count) / seconds, Double(tokens) / seconds))
        }
        print("peak memory: \(BenchStore.peakMemoryMB()) MB (\(before) MB before loading the encoder)")
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }
}
