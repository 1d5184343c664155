import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Language stage: words/s on one core for technique spans and signals, model load time.")

    @Option(help: "Generated sentences to analyse.")
    var sentences: Int = 50_000

    @Option(help: "Seed.")
    var seed: UInt64 = 42

    func run() throws {
        let clock = ContinuousClock()
        var techniques: MultiHeadClassifier?
        var truthfulness: MultiHeadClassifier?
        var tokens: MultiHeadClassifier?
        let load = clock.measure {
            techniques = try? MultiHeadClassifier.bundled("techniques")
            truthfulness = try? MultiHeadClassifier.bundled("truthfulness")
            tokens = try? MultiHeadClassifier.bundled("tokens")
        }
        guard let techniques, let truthfulness, let tokens else { throw ValidationError("the shipped language models did not load") }
        var generator = SyntheticPage(seed: seed)
        // Articles of 40 lines each.
        var articles: [String] = []
        var words = 0
        var line = 0
        var current: [String] = []
        while line < sentences {
            let sentence = generator.sentence()
            words += sentence.roughWordCount
            current.append(sentence)
            line += 1
            if current.count == 40 {
                articles.append(current.joined(separator: "\n"))
                current = []
            }
        }
        if !current.isEmpty { articles.append(current.joined(separator: "\n")) }
        let analyzer = LanguageAnalyzer(techniques: techniques, truthfulness: truthfulness, tokens: tokens)
        // Three passes over the same articles: this VM's speed wanders, so the fastest and the
        // median are both reported.
        var spans = 0
        var times: [Double] = []
        for _ in 0..<3 {
            spans = 0
            let elapsed = clock.measure {
                for article in articles { spans += analyzer.analyze(text: article, title: nil, claims: nil).techniques.count }
            }
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        print("models loaded in \(load) (techniques \(techniques.heads.count) heads, truthfulness \(truthfulness.heads.count) heads)")
        print(
            "analysed \(sentences) sentences, \(words) words, 3 passes: fastest \(String(format: "%.2f", times[0])) s, \(Int(Double(words) / times[0])) words/s; median \(Int(Double(words) / times[1])) words/s on one core (\(spans) technique spans)"
        )
    }
}
