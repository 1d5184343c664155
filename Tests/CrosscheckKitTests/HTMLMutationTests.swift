import Foundation
import Testing

@testable import CrosscheckKit

@Suite("HTML robustness")
struct HTMLMutationTests {
    /// Seeded random damage to the example page (cuts, duplicated spans, stray brackets and quotes)
    /// must never crash extraction, and a reader must fail cleanly or return an article.
    @Test func mutatedPagesNeverCrash() throws {
        let page = Array(try Fixtures.repositoryFile("Examples/harbour-bridge.html"))
        var generator = SeededGenerator(seed: 7)
        let debris: [[UInt8]] = ["<", ">", "\"", "'", "</p>", "<div>", "&", "&#", "<!--", "-->", "<script>", "\u{0}"]
            .map { Array($0.utf8) }
        for _ in 0..<300 {
            var bytes = page
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...400, using: &generator)))
                case 1: bytes.insert(contentsOf: debris.randomElement(using: &generator)!, at: position)
                case 2: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                default:
                    let end = min(bytes.count, position + Int.random(in: 1...200, using: &generator))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                }
                if bytes.isEmpty { bytes = [0x3C] }
            }
            _ = HTMLArticleExtractor().extract(html: String(decoding: bytes, as: UTF8.self))
            do {
                _ = try ArticleReader().read(ArticleInput(data: Data(bytes), name: "mutated.html"))
            } catch is CrosscheckError {
                // A clear error is a fine answer to a damaged page.
            }
        }
    }
}
