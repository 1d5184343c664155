import CrosscheckKit
import Foundation
import Testing

@testable import CrosscheckEval

/// Pages written apart from the code, each with a comment section labelled by hand
/// (`Evaluation/comment-pages/`): read as `crosscheck check` reads them, then screened. What a
/// moderator relies on: no on-topic comment flagged, every comment the screen names as a template
/// really one, off-topic flags that are right when they are given.
@Suite("Comment screening on pasted pages")
struct CommentPageTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Evaluation/comment-pages").path

    @Test func screeningPastedPagesByMeaning() throws {
        let encoder = try #require(try SentenceEncoder.bundled(), "the shipped encoder should load")
        let threads = try LabelledThread.loadPages(directory: Self.directory)
        #expect(threads.count == 73)
        let evaluation = CommentFlagEvaluation.measure(threads, screener: try CommentScreener.standard(encoder: encoder))
        // Round 21's "Agreed." answers a comment above it that the page does not mark as replied
        // to, so it is read as a comment of its own that fits any article (boilerplate); round 24's
        // well-water replies are flagged off-topic with their parent, and round 25 has two more
        // such (docs/benchmarks.md).
        // Round 27, as first screened, added 5 (a thread about a failed ice plant read as about
        // another plant, and a family's own account of the water cut it reports).
        #expect(evaluation.genuineFlagged <= 12, "\(evaluation.genuineFlagged) of \(evaluation.genuine) on-topic comments flagged")
        // Round 27 holds the one comment so far clustered with a campaign it is not part of.
        #expect(evaluation.templatePairs.precision >= 0.98, "template pair precision \(evaluation.templatePairs.precision)")
        // Campaigns reworded so far that their comments are under 0.55 alike (rounds 19 and 20) are
        // missed, and round 28's talking points made again in new words (a school's land wanted for
        // housing, "temporary" cuts that stay) mostly are.
        #expect(evaluation.templatePairs.recall >= 0.6, "template pair recall \(evaluation.templatePairs.recall)")
        let offTopic = try #require(evaluation.perFlag["off_topic"])
        #expect(offTopic.precision >= 0.9, "off-topic precision \(offTopic.precision)")
        // Conversations about another local matter are read whole, and the topic model reads the
        // comment that opens one with the article's lead; exchanges that come near the article
        // even so (a pool, roadworks, an empty shop in the same town) are still missed
        // (docs/benchmarks.md). Without the topic model the recall is 0.56.
        #expect(offTopic.recall >= 0.65, "off-topic recall \(offTopic.recall)")
        #expect(try #require(evaluation.perFlag["boilerplate"]).precision >= 0.97)
        #expect(evaluation.unread <= 6, "\(evaluation.unread) labelled comments the reader did not find")
    }
}
