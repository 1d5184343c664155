import Foundation
import Testing

@testable import CrosscheckEval
@testable import CrosscheckKit

@Suite("batch quotes and its evaluation")
struct QuotesTaskTests {
    let text = "Ferry service resumes\n\n“We have waited three winters for this,” said Owen Brightwater.\nRuth Delaney said the budget was too small."

    @Test func outputShapeFollowsEvalMD() async throws {
        let output = try await QuotesBatchTask(attribution: nil).process(["id": 7, "text": text])
        let quotes = try #require(output["quotes"] as? [[String: Any]])
        #expect(quotes.count == 2)
        for quote in quotes {
            #expect(quote["start"] is Int && quote["end"] is Int)
            #expect(["direct", "partial", "indirect", "scare"].contains(quote["kind"] as? String))
        }
        #expect(quotes.map { $0["speaker"] as? String } == ["Owen Brightwater", "Ruth Delaney"])
        await #expect(throws: (any Error).self) { try await QuotesBatchTask(attribution: nil).process(["id": 8]) }
    }

    /// The articles `eval quotes` measures on are the ones `scripts/train-attribution/train.py`
    /// held aside (the same SHA-256 rule, checked against ids the trainer's rule classifies).
    @Test func heldAsideArticlesFollowTheTrainersRule() {
        let held = (1...8).map { QuoteArticle(id: "article-\($0)", text: "", relations: []).isHeldAside }
        #expect(held == [false, true, false, false, false, false, false, false])
    }

    @Test func spanMatchingAndSpeakerAccuracy() {
        let scalars = Array(text.unicodeScalars)
        let quoteEnd = scalars.firstIndex(of: "”")! + 1
        let quoteStart = scalars.firstIndex(of: "“")!
        let article = QuoteArticle(
            id: "a", text: text,
            relations: [
                .init(start: quoteStart, end: quoteEnd, speaker: "Owen Brightwater", kind: "direct"),
                .init(start: 0, end: 5, speaker: "he", kind: "indirect"),
            ])
        var evaluation = QuoteEvaluation()
        evaluation.add(article, items: SpeechExtraction.items(in: text))
        #expect(evaluation.matched == 1)
        #expect(evaluation.directSpeakerAccuracy == 1)
        #expect(evaluation.allNamed == 1, "a pronoun speaker is not counted as named")
    }

    /// Where span F1 is lost: an annotation nothing touches, one found with other bounds, and a
    /// found span that touches no annotation are told apart.
    @Test func lostRelationsAreToldApart() {
        let text = String(repeating: "word ", count: 60)
        let article = QuoteArticle(
            id: "a", text: text,
            relations: [
                .init(start: 0, end: 20, speaker: nil, kind: "indirect"),
                .init(start: 40, end: 60, speaker: nil, kind: "indirect"),
                .init(start: 100, end: 120, speaker: nil, kind: "indirect"),
            ])
        let items = [
            SpeechExtraction.Item(start: 2, end: 20, speaker: nil, kind: .indirect),
            SpeechExtraction.Item(start: 55, end: 90, speaker: nil, kind: .indirect),
            SpeechExtraction.Item(start: 200, end: 240, speaker: nil, kind: .indirect),
        ]
        var evaluation = QuoteEvaluation()
        evaluation.add(article, items: items)
        #expect(evaluation.matched == 1)
        #expect(evaluation.misBounded == 1, "40..<60 is touched by 55..<90, under half their union")
        #expect(evaluation.missed == 1, "nothing touches 100..<120")
        #expect(evaluation.spurious == 1, "200..<240 touches no annotation")
    }
}
