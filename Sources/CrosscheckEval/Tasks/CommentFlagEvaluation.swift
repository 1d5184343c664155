public import CrosscheckKit

/// Precision and recall of each comment flag on labelled threads, and of template clustering
/// as pairs of comments put in one cluster.
public struct CommentFlagEvaluation: Sendable {
    public struct Counts: Sendable, Hashable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init() {}

        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        mutating func add(predicted: Bool, expected: Bool) {
            switch (predicted, expected) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, true): falseNegatives += 1
            case (false, false): break
            }
        }
    }

    /// A comment the screen got wrong, for reading.
    public struct Miss: Sendable {
        public var thread: String
        public var id: String
        public var flag: String
        public var flagged: Bool
        public var text: String
        public var reasons: [String]
    }

    public static let flags = ["off_topic", "template", "boilerplate", "spam"]

    public var perFlag: [String: Counts] = [:]
    /// Pairs of comments in one template family, against pairs the screen clustered together.
    public var templatePairs = Counts()
    /// On-topic genuine comments (expected no flag) that got any of the measured flags.
    public var genuineFlagged = 0
    public var genuine = 0
    /// Labelled comments the page reader did not find; their flags count as missed.
    public var unread = 0
    public var misses: [Miss] = []

    public init() {}

    /// Screens each thread and counts.
    public static func measure(_ threads: [LabelledThread], screener: CommentScreener) -> CommentFlagEvaluation {
        var evaluation = CommentFlagEvaluation()
        for thread in threads {
            let result = screener.screen(thread.article.comments, article: thread.article)
            for (index, screening) in result.comments.enumerated() {
                let expected = thread.expected[index]
                let predicted = Set(screening.flags)
                for flag in flags {
                    let hit = predicted.contains(flag)
                    let want = expected.contains(flag)
                    evaluation.perFlag[flag, default: Counts()].add(predicted: hit, expected: want)
                    if hit != want {
                        evaluation.misses.append(
                            Miss(
                                thread: thread.name, id: screening.id, flag: flag, flagged: hit,
                                text: thread.article.comments[index].text, reasons: screening.reasons))
                    }
                }
                if expected.isEmpty {
                    evaluation.genuine += 1
                    if !predicted.intersection(flags).isEmpty { evaluation.genuineFlagged += 1 }
                }
            }
            evaluation.unread += thread.unread.count
            for expected in thread.unread {
                for flag in flags where expected.contains(flag) { evaluation.perFlag[flag, default: Counts()].falseNegatives += 1 }
            }
            for a in result.comments.indices {
                for b in result.comments.indices where b > a {
                    let same = thread.families[a] != nil && thread.families[a] == thread.families[b]
                    let clustered =
                        result.comments[a].flags.contains("template") && result.comments[a].cluster != nil
                        && result.comments[a].cluster == result.comments[b].cluster
                    evaluation.templatePairs.add(predicted: clustered, expected: same)
                }
            }
        }
        return evaluation
    }
}
