import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchComments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract: "Comment screening: time and peak memory for a thread of generated comments (templates included).")

    @Option(help: "Comments in the thread.")
    var comments: Int = 10_000

    @Option(help: "Seed.")
    var seed: UInt64 = 42

    @Flag(help: "Template clustering only (no classifiers).")
    var clusteringOnly = false

    func run() throws {
        var generator = SyntheticPage(seed: seed)
        var random = SeededGenerator(seed: seed)
        let templates = [
            "This is a * worth * closely. It raises the stakes for everyone involved.",
            "Great * about the *, thanks for sharing this with us!", "I can't believe the * would do this to *.",
        ]
        var thread: [Comment] = []
        for index in 0..<comments {
            let text: String
            if index % 10 == 0 {
                text = templates[index % 3].split(separator: "*", omittingEmptySubsequences: false)
                    .map(String.init).joined(separator: generator.word())
            } else {
                text = generator.paragraph()
            }
            thread.append(
                Comment(
                    id: "c\(index)", author: "user\(Int.random(in: 0..<3000, using: &random))",
                    time: "2026-03-03T10:\(String(format: "%02d", index % 60)):00Z", text: text))
        }
        let article = Article(title: "Bench", paragraphs: (0..<20).map { _ in generator.paragraph() })
        let screener =
            clusteringOnly
            ? CommentScreener(spam: nil, machine: nil)
            : CommentScreener(spam: try TextClassifier.bundled(.spam), machine: try TextClassifier.bundled(.machine))
        let clock = ContinuousClock()
        var result: CommentScreener.Result?
        let elapsed = clock.measure { result = screener.screen(thread, article: article) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "screened \(comments) comments in \(String(format: "%.2f", seconds)) s (\(Int(Double(comments) / seconds)) comments/s); \(result?.summary.text ?? "")"
        )
        print("peak memory: \(BenchStore.peakMemoryMB()) MB")
    }
}
