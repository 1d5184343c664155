import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchCheckworthiness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkworthiness",
        abstract: "Check-worthiness scoring: sentences/s on one core, model load time and size."
    )

    @Option(help: "Number of generated sentences to score.")
    var sentences: Int = 200_000

    @Option(help: "Seed for the sentence generator.")
    var seed: UInt64 = 42

    func run() throws {
        let clock = ContinuousClock()
        var model: CheckworthinessModel?
        let load = clock.measure { model = try? CheckworthinessModel.bundled() }
        guard let model else { throw ValidationError("the shipped model did not load") }
        let size =
            (try? ModelDirectory.standard())?.file("checkworthiness.model")
            .flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int } ?? 0
        var generator = SyntheticPage(seed: seed)
        let corpus = (0..<sentences).map { _ in generator.sentence() }
        let words = corpus.reduce(0) { $0 + $1.split(separator: " ").count }
        var checkworthy = 0
        let elapsed = clock.measure {
            for sentence in corpus where model.isCheckworthy(sentence) { checkworthy += 1 }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("model: \(model.version), \(ByteCount(size)), loaded in \(load)")
        print(
            "scored \(sentences) sentences (\(words / sentences) words on average; \(checkworthy) check-worthy) in \(String(format: "%.3f", seconds)) s"
        )
        print(String(format: "throughput: %.0f sentences/s on one core", Double(sentences) / seconds))
    }
}
