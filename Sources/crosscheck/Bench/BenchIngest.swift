import ArgumentParser
import CrosscheckKit
import Foundation

struct BenchIngest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "HTML ingestion and sentence segmentation: pages/s and MB/s on one core.",
        discussion: """
            Generates a corpus of realistic news pages (seeded, so every run sees the same pages), \
            then parses, extracts and segments each page on one thread. --write-page writes one \
            generated page to a file instead, for measuring a whole check's memory with \
            /usr/bin/time -v.
            """
    )

    @Option(help: "Number of pages in the corpus.")
    var pages: Int = 200

    @Option(help: "Smallest page size in KB.")
    var minKB: Int = 50

    @Option(help: "Largest page size in KB.")
    var maxKB: Int = 200

    @Option(help: "Seed for the page generator.")
    var seed: UInt64 = 42

    @Option(help: "Write one generated page of --size to this file and exit.")
    var writePage: String?

    @Option(help: "Size of the page written by --write-page, e.g. 5MB.")
    var size: String = "5MB"

    func run() throws {
        var generator = SyntheticPage(seed: seed)
        if let writePage {
            guard let bytes = ByteCount.parse(size) else { throw ValidationError("--size \(size) is not a size; write it like 5MB") }
            try Data(generator.page(targetBytes: bytes).utf8).write(to: URL(fileURLWithPath: writePage))
            print("wrote \(ByteCount(bytes)) page to \(writePage)")
            return
        }
        guard pages > 0, minKB > 0, maxKB >= minKB else { throw ValidationError("need --pages > 0 and 0 < --min-kb <= --max-kb") }
        var sizeGenerator = SeededGenerator(seed: seed &+ 1)
        let corpus = (0..<pages).map { _ in
            generator.page(targetBytes: Int.random(in: minKB...maxKB, using: &sizeGenerator) * 1000)
        }
        let totalBytes = corpus.reduce(0) { $0 + $1.utf8.count }
        var sentences = 0
        var paragraphs = 0
        // Warm up once so lazy initialisation is not timed.
        _ = HTMLArticleExtractor().extract(html: corpus[0])
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for page in corpus {
                let article = HTMLArticleExtractor().extract(html: page)
                paragraphs += article.paragraphs.count
                sentences += SentenceSegmenter().sentences(in: article.text).count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("corpus: \(pages) pages, \(ByteCount(totalBytes)) of HTML (\(minKB)-\(maxKB) KB each, seed \(seed))")
        print("extracted: \(paragraphs) paragraphs, \(sentences) sentences")
        print(String(format: "time: %.3f s on one core", seconds))
        print(String(format: "throughput: %.1f pages/s, %.1f MB/s of HTML", Double(pages) / seconds, Double(totalBytes) / 1e6 / seconds))
    }
}
