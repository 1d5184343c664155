import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalThreads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threads",
        abstract: "Comment flags on labelled threads: precision and recall of off_topic, template, boilerplate and spam.",
        discussion: """
            DIR holds threads in the JSON article shape whose comments carry "expect" (the flags a \
            moderator would give) and "template" (a family name shared by copies of one template) — \
            Evaluation/comment-threads/dev is ours — or pages (copied text or HTML) with labels.jsonl, \
            one line a page: {"page", "comments": [{"author", "expect", "template"?}]}, read as \
            `crosscheck check` reads them. Prints the figures by meaning (the sentence \
            encoder) and, with --words-only, by shared words alone.
            """)

    @Option(help: "The folder of labelled threads.")
    var data: String

    @Flag(help: "Judge by shared words only (no sentence encoder).")
    var wordsOnly = false

    @Option(help: "The off-topic lift cut-off to measure (default: the shipped one).")
    var offTopicLift: Double?

    @Option(help: "The off-topic lift cut-off for comments that say they leave the subject (default: the shipped one).")
    var offTopicDeclaredLift: Double?

    @Option(help: "The lift a reply to an off-topic comment needs to be on topic (default: the shipped one).")
    var offTopicReplyLift: Double?

    @Option(help: "The lift below which a conversation of three or more comments, read as one text, is off-topic (default: the shipped one).")
    var offTopicExchangeLift: Double?

    @Option(help: "The lift below which a conversation of two comments, read as one text, is off-topic (default: the shipped one).")
    var offTopicPairLift: Double?

    @Option(help: "How far the topic model's probability raises the off-topic cut-off (default: the shipped weight).")
    var offTopicModelWeight: Double?

    @Flag(help: "Judge without the topic model (the encoder's meaning alone).")
    var noTopicModel = false

    @Flag(help: "List each comment the screen got wrong.")
    var misses = false

    @Flag(help: "List every comment with its expected flags and its closeness to the article and to generic comments.")
    var scores = false

    func run() throws {
        let pages = FileManager.default.fileExists(atPath: URL(fileURLWithPath: data).appendingPathComponent("labels.jsonl").path)
        let threads = try pages ? LabelledThread.loadPages(directory: data) : LabelledThread.load(directory: data)
        let encoder = wordsOnly ? nil : try SentenceEncoder.bundled()
        var screener = try CommentScreener.standard(encoder: encoder)
        if let offTopicLift { screener.thresholds.offTopicLift = offTopicLift }
        if let offTopicReplyLift { screener.thresholds.offTopicReplyLift = offTopicReplyLift }
        if let offTopicExchangeLift { screener.thresholds.offTopicExchangeLift = offTopicExchangeLift }
        if let offTopicPairLift { screener.thresholds.offTopicPairLift = offTopicPairLift }
        if let offTopicDeclaredLift { screener.thresholds.offTopicDeclaredLift = offTopicDeclaredLift }
        if let offTopicModelWeight { screener.thresholds.offTopicModelWeight = offTopicModelWeight }
        if noTopicModel { screener.topic = nil }
        let evaluation = CommentFlagEvaluation.measure(threads, screener: screener)
        let comments = threads.reduce(0) { $0 + $1.article.comments.count }
        print("\(threads.count) threads, \(comments) comments; judged by \(encoder == nil ? "words" : "meaning (\(encoder!.identity.name))")")
        print("flag           precision  recall  F1     (tp fp fn)")
        for flag in CommentFlagEvaluation.flags {
            let counts = evaluation.perFlag[flag] ?? .init()
            print(
                flag.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + String(
                        format: "%.3f      %.3f   %.3f  (%d %d %d)", counts.precision, counts.recall, counts.f1,
                        counts.truePositives, counts.falsePositives, counts.falseNegatives))
        }
        let pairs = evaluation.templatePairs
        print(
            "template pairs "
                + String(
                    format: "%.3f      %.3f   %.3f  (%d %d %d)", pairs.precision, pairs.recall, pairs.f1,
                    pairs.truePositives, pairs.falsePositives, pairs.falseNegatives))
        print("genuine comments flagged: \(evaluation.genuineFlagged) of \(evaluation.genuine)")
        if pages { print("labelled comments the reader did not find: \(evaluation.unread)") }
        if scores {
            for thread in threads {
                let result = screener.screen(thread.article.comments, article: thread.article)
                for (index, screening) in result.comments.enumerated() {
                    let expected = thread.expected[index].sorted().joined(separator: ",")
                    print(
                        String(
                            format: "%@/%@ related %.2f generic %.2f expect [%@] got [%@] %@", thread.name, screening.id,
                            screening.relatedness ?? .nan, screening.genericness ?? .nan, expected,
                            screening.flags.joined(separator: ","), String(thread.article.comments[index].text.prefix(70))))
                }
            }
        }
        if misses {
            for miss in evaluation.misses {
                print("\(miss.flagged ? "FP" : "FN") \(miss.flag) \(miss.thread)/\(miss.id): \(miss.text.prefix(110))")
                if miss.flagged { print("     " + miss.reasons.joined(separator: " | ")) }
            }
        }
    }
}
