/// Which comments are about something else, by meaning: each comment's lift (how much closer it
/// is to the article than to unrelated subjects), replies taking their subject from an on-topic
/// parent, and exchanges judged whole — a comment that starts a conversation about something else
/// is off-topic with its replies when the exchange as a whole is, even if its own wording brushes
/// against the article. An exchange is also read as one text: a conversation about something else
/// reads as such taken whole, even when each of its comments alone comes near the article.
struct OffTopicJudgement {
    /// Per comment: its closeness to the article (cosine).
    var closeness: [Double]
    /// Per comment: the lift the decision used.
    var lifts: [Double]
    /// Per comment: whether it is off-topic (before boilerplate takes precedence).
    var offTopic: [Bool]
    /// Per comment: the lift of the whole conversation it belongs to, read as one text, when that
    /// made it off-topic, and the conversation's size.
    var byConversation: [(lift: Double, comments: Int)?]
    /// Per comment: the topic model's probability that it is about something else, when that
    /// made it off-topic.
    var byModel: [Double?]

    /// - Parameter replyThreshold: the lift a reply to an off-topic comment needs to be on topic.
    /// - Parameter declared: per comment, whether it says it leaves the subject; such a comment
    ///   is off-topic below `declaredThreshold` instead of `threshold`.
    /// - Parameter conversational: per comment, whether it is as close to a stock comment as a
    ///   generic one is ("Thank you for explaining that"); such a reply to an on-topic comment
    ///   carries no subject of its own and keeps its parent's.
    /// - Parameter wholeThreshold: a conversation of three or more comments whose text, read as
    ///   one, has a lift below this is off-topic, every comment of it; `pairThreshold` is the cut
    ///   for two (less text, so further to fall before it says anything).
    /// - Parameter focus: the comments whose judgement is wanted; only their conversations are
    ///   read whole (`nil`: every comment's).
    /// - Parameter modelOffTopic: per comment, the topic model's probability that it is about
    ///   something else (`nil` where it did not run); it raises the lift the comment needs by
    ///   `modelWeight` times that probability.
    init(
        meaning: ThreadMeaning, comments: [Comment], eligible: [Bool], declared: [Bool], conversational: [Bool], threshold: Double,
        declaredThreshold: Double, borderline: Double, replyThreshold: Double, wholeThreshold: Double, pairThreshold: Double,
        focus: Set<Int>? = nil, modelOffTopic: [Double?]? = nil, modelWeight: Double = 0
    ) {
        let count = comments.count
        let indexByID = Dictionary(comments.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let closeness = (0..<count).map { meaning.relatedness($0) }
        let background = (0..<count).map { meaning.background($0) }
        let own = (0..<count).map { closeness[$0] - background[$0] }
        let parents: [Int?] = comments.enumerated().map { index, comment in
            comment.parent.flatMap { indexByID[$0] }.flatMap { $0 < index ? $0 : nil }
        }
        // A reply continues its parent's exchange when it is closer to the parent than to the article.
        var root = Array(0..<count)
        var continues = [Bool](repeating: false, count: count)
        for index in 0..<count {
            guard let parent = parents[index] else { continue }
            if meaning.similarity(index, parent) > closeness[index] {
                continues[index] = true
                root[index] = root[parent]
            }
        }
        var members: [Int: [Int]] = [:]
        for index in 0..<count where eligible[index] { members[root[index], default: []].append(index) }
        let exchangeLift = members.mapValues { group in group.reduce(0.0) { $0 + own[$1] } / Double(group.count) }
        // Each conversation of two or more comments (a comment that is no reply, with all the
        // replies under it), read as one text: a reply that drifts from its parent's words still
        // belongs to what the conversation is about.
        var top = Array(0..<count)
        for index in 0..<count { if let parent = parents[index] { top[index] = top[parent] } }
        var exchanges: [Int: [Int]] = [:]
        for index in 0..<count { exchanges[top[index], default: []].append(index) }
        let conversations = exchanges.filter { _, group in group.count >= 2 && (focus.map { !$0.isDisjoint(with: group) } ?? true) }
            .sorted { $0.key < $1.key }
        let wholeLifts = meaning.lifts(of: conversations.map { $0.value.map { comments[$0].text }.joined(separator: "\n") })
        var byConversation = [(lift: Double, comments: Int)?](repeating: nil, count: count)
        for ((_, group), lift) in zip(conversations, wholeLifts) where lift < (group.count == 2 ? pairThreshold : wholeThreshold) {
            for index in group { byConversation[index] = (lift, group.count) }
        }

        var lifts = own
        var offTopic = [Bool](repeating: false, count: count)
        var byModel = [Double?](repeating: nil, count: count)
        for index in 0..<count {
            if let parent = parents[index] {
                let toParent = meaning.similarity(index, parent) - background[index]
                if offTopic[parent] {
                    if continues[index] { lifts[index] = min(own[index], toParent - 1) }
                } else {
                    lifts[index] = max(own[index], toParent)
                }
            }
            // A reply to an off-topic comment stays in its exchange, short or not, unless it is
            // itself plainly about the article.
            if let parent = parents[index], offTopic[parent], own[index] < replyThreshold {
                offTopic[index] = true
                lifts[index] = min(lifts[index], own[index])
                continue
            }
            if let whole = byConversation[index] {
                offTopic[index] = true
                lifts[index] = min(lifts[index], whole.lift)
                continue
            }
            guard eligible[index] else { continue }
            if let parent = parents[index], !offTopic[parent], conversational[index], !declared[index] { continue }
            let bar = declared[index] ? max(threshold, declaredThreshold) : threshold
            let probability = modelOffTopic?[index] ?? nil
            if lifts[index] < bar {
                offTopic[index] = true
            } else if let probability, lifts[index] < bar + modelWeight * probability {
                // Near enough the article by meaning alone, but read with its lead it is about another matter.
                offTopic[index] = true
                byModel[index] = probability
            } else if own[index] < threshold + borderline, let group = members[root[index]], group.count >= 3,
                let lift = exchangeLift[root[index]], lift < threshold, root[index] == index || continues[index]
            {
                // The exchange it starts or continues is about something else as a whole.
                offTopic[index] = true
                lifts[index] = lift
            }
        }
        self.closeness = closeness
        self.lifts = lifts
        self.offTopic = offTopic
        self.byConversation = byConversation
        self.byModel = byModel
    }
}
