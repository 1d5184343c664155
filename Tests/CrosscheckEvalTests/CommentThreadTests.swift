import CrosscheckKit
import Foundation
import Testing

@testable import CrosscheckEval

/// Threads written apart from the dev threads the cut-offs were chosen on: what a moderator
/// relies on — off-topic exchanges found, reworded templates clustered, genuine comments left alone.
@Suite("Comment screening by meaning on held-out threads")
struct CommentThreadTests {
    static let directory = Bundle.module.url(forResource: "threads", withExtension: nil, subdirectory: "Resources")!.path

    @Test func heldOutThreadsByMeaning() throws {
        let encoder = try #require(try SentenceEncoder.bundled(), "the shipped encoder should load")
        let threads = try LabelledThread.load(directory: Self.directory)
        #expect(threads.count == 5)
        let evaluation = CommentFlagEvaluation.measure(threads, screener: try CommentScreener.standard(encoder: encoder))
        let offTopic = try #require(evaluation.perFlag["off_topic"])
        #expect(offTopic.recall >= 0.9, "off-topic recall \(offTopic.recall)")
        #expect(offTopic.precision >= 0.9, "off-topic precision \(offTopic.precision)")
        #expect(evaluation.templatePairs.recall == 1, "every reworded template clustered")
        #expect(evaluation.templatePairs.precision == 1, "no two different comments clustered")
        #expect(try #require(evaluation.perFlag["boilerplate"]).recall >= 0.9)
        #expect(evaluation.genuineFlagged <= 2, "\(evaluation.genuineFlagged) of \(evaluation.genuine) genuine comments flagged")
    }

    @Test func meaningBeatsWordsOnTheSameThreads() throws {
        let encoder = try #require(try SentenceEncoder.bundled())
        let threads = try LabelledThread.load(directory: Self.directory)
        let byMeaning = CommentFlagEvaluation.measure(threads, screener: try CommentScreener.standard(encoder: encoder))
        let byWords = CommentFlagEvaluation.measure(threads, screener: try CommentScreener.standard(encoder: nil))
        #expect(byMeaning.perFlag["off_topic"]!.f1 > byWords.perFlag["off_topic"]!.f1)
        #expect(byMeaning.templatePairs.f1 > byWords.templatePairs.f1)
        #expect(byMeaning.perFlag["boilerplate"]!.f1 > byWords.perFlag["boilerplate"]!.f1)
    }

    @Test func labelledThreadsRefuseAMissingFolder() {
        #expect(throws: CrosscheckError.self) { try LabelledThread.load(directory: "/nonexistent/threads") }
    }
}
