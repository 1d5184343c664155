public import Foundation

/// Screens a comment section for inauthentic comments: off-topic, templated, boilerplate,
/// machine-written, spam and coordinated — each with a one-line reason — and sums up the thread.
///
/// With a sentence encoder, relatedness, templates and boilerplate are judged by meaning: a
/// comment is off-topic when it is far from every part of its article whatever words it shares,
/// a template when several accounts post the same comment reworded, boilerplate when it is as
/// close to comments that fit any article as to this one. Without one, by shared words.
public struct CommentScreener: Sendable {
    public var spam: TextClassifier?
    public var machine: TextClassifier?
    public var encoder: SentenceEncoder?
    /// The pair classifier that reads each comment with its article's lead; with the encoder only.
    public var topic: TopicModel?
    public var thresholds: Thresholds
    let generic: [Embedding]
    let unrelated: [Embedding]

    /// The cut-offs of the judgements by meaning, recorded in reports.
    public struct Thresholds: Sendable, Hashable, Codable {
        /// A comment of enough words whose closeness to the article (cosine) exceeds its mean
        /// closeness to unrelated subjects by less than this is off-topic.
        public var offTopicLift: Double = 0.135
        /// A comment whose own lift is within this of the cut-off is off-topic when the exchange it
        /// starts or continues is, taken as a whole.
        public var offTopicBorderline: Double = 0.05
        /// A comment that says it leaves the subject ("Off topic, but …") is off-topic below this
        /// lift: its own words lower the bar, its meaning must still be far from the article.
        public var offTopicDeclaredLift: Double = 0.35
        /// A reply to an off-topic comment is off-topic too unless its own lift reaches this.
        public var offTopicReplyLift: Double = 0.4
        /// A conversation of three or more comments (a comment that is no reply and all the replies
        /// under it) whose text, read as one, has a lift below this is off-topic, every comment of it.
        public var offTopicExchangeLift: Double = 0.27
        /// The same cut for a conversation of two comments.
        public var offTopicPairLift: Double = 0.2
        /// A comment the topic model puts off the subject with probability p is off-topic below a
        /// lift of ``offTopicLift`` + this × p: the model reads it with the article's lead.
        public var offTopicModelWeight: Double = 0.175
        /// Comments shorter than this (content words) are never off-topic on their own: short replies.
        public var offTopicMinWords: Int = 6
        /// Two comments at least this alike in meaning (cosine) …
        public var templateSimilarity: Double = 0.55
        /// … sharing at least this share of their words (Jaccard) …
        public var templateOverlap: Double = 0.25
        /// … with similarity and overlap adding up to this are one template reworded.
        public var templateScore: Double = 0.95
        /// Two accounts' comments this close in meaning are one template reworded whatever their words …
        public var templateParaphrase: Double = 0.75
        /// … and three accounts' comments each this close to the other two are one.
        public var templateTriad: Double = 0.65
        /// Three or four accounts' comments, each pair at least this alike, that are one another's
        /// nearest comments in the thread …
        public var templateSetApart: Double = 0.55
        /// … and each this much closer to the others than to any other comment, are one template:
        /// a point made again in other words, standing apart from the discussion around it.
        public var templateSetApartMargin: Double = 0.05
        /// A reply at least this close to a generic comment ("Thank you for explaining that")
        /// keeps the subject of its on-topic parent.
        public var conversationalReply: Double = 0.3
        /// A comment at least this close to a generic comment …
        public var generic: Double = 0.35
        /// … and closer to it than to the article by this margin is boilerplate.
        public var genericMargin: Double = 0.05
        /// A reply must be at least this close to a generic comment to be boilerplate.
        public var genericReply: Double = 0.6
        /// A spam score that flags a comment with no link, contact or call to act.
        public var spamWithoutCue: Double = 0.9
        /// A spam score that flags a comment carrying a link or contact details.
        public var spamWithAddress: Double = 0.4
        /// Threads longer than this are screened by words only (encoding cost grows with the thread).
        public var maxComments: Int = 3000

        public init() {}

        /// Every cut-off by name, as reports record them.
        public var recorded: [String: Double] {
            [
                "off_topic_lift": offTopicLift, "off_topic_borderline": offTopicBorderline, "off_topic_declared_lift": offTopicDeclaredLift,
                "off_topic_reply_lift": offTopicReplyLift, "off_topic_exchange_lift": offTopicExchangeLift,
                "off_topic_pair_lift": offTopicPairLift, "off_topic_model_weight": offTopicModelWeight,
                "off_topic_min_words": Double(offTopicMinWords), "template_similarity": templateSimilarity,
                "template_overlap": templateOverlap, "template_score": templateScore, "template_paraphrase": templateParaphrase,
                "template_triad": templateTriad,
                "template_set_apart": templateSetApart, "template_set_apart_margin": templateSetApartMargin, "generic": generic,
                "generic_margin": genericMargin, "generic_reply": genericReply, "conversational_reply": conversationalReply,
                "spam_with_address": spamWithAddress,
                "spam_without_cue": spamWithoutCue,
                "max_comments": Double(maxComments),
            ]
        }
    }

    /// - Parameter fixed: where the embeddings of the stock comments and unrelated topics are kept
    ///   between processes (by default the user's cache folder).
    public init(
        spam: TextClassifier?, machine: TextClassifier?, encoder: SentenceEncoder? = nil, topic: TopicModel? = nil,
        thresholds: Thresholds = .init(), fixed: FixedEmbeddings = .standard()
    ) {
        self.spam = spam
        self.machine = machine
        self.encoder = encoder
        self.topic = encoder == nil ? nil : topic
        self.thresholds = thresholds
        self.generic = encoder.map { fixed.embeddings(of: GenericComments.prototypes, encoder: $0) } ?? []
        self.unrelated = encoder.map { fixed.embeddings(of: UnrelatedTopics.sentences, encoder: $0) } ?? []
    }

    /// The screen with the shipped spam and machine-text regressions and `encoder` (machine style
    /// by words alone, as ``Engine/commentScreener()`` has it).
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a shipped classifier is missing.
    public static func standard(encoder: SentenceEncoder?, from models: ModelDirectory? = nil) throws -> CommentScreener {
        let models = try models ?? .standard()
        return CommentScreener(
            spam: try TextClassifier.bundled(.spam, from: models), machine: try TextClassifier.bundled(.machine, from: models),
            encoder: encoder, topic: try encoder.flatMap { try TopicModel.bundled(encoder: $0, from: models) })
    }

    /// The result for a thread.
    public struct Result: Sendable {
        public var comments: [CommentScreening]
        public var summary: CommentSummary
        /// How relatedness, templates and boilerplate were judged: `meaning` or `words`.
        public var method: String
    }

    /// Screens `comments` together, against `article` when there is one with a body.
    /// - Parameter focus: the comments whose screening is wanted (a new comment screened against
    ///   the thread so far); the others are judged only as far as the focus needs them, and come
    ///   back without flags. `nil` screens every comment.
    public func screen(_ comments: [Comment], article: Article?, focus: Set<Int>? = nil) -> Result {
        let texts = comments.map(\.text)
        let bodied = article.flatMap { $0.hasBody ? $0 : nil }
        let relatedness = bodied.map { Relatedness(article: $0, comments: texts) }
        let meaning = encoder.flatMap { encoder in
            comments.count <= thresholds.maxComments
                ? ThreadMeaning(encoder: encoder, article: bodied, comments: texts, generic: generic, unrelated: unrelated) : nil
        }
        let templateLinks = meaning.map { semanticTemplateLinks($0, comments: comments) } ?? []
        let clusters = TemplateClusterer().clusters(texts, links: templateLinks.map { ($0.0, $0.1) })
        var linkSimilarity: [Int: Double] = [:]
        for (a, b, similarity) in templateLinks {
            linkSimilarity[a] = max(linkSimilarity[a] ?? 0, similarity)
            linkSimilarity[b] = max(linkSimilarity[b] ?? 0, similarity)
        }
        var clusterAuthors: [Int: Set<String>] = [:]
        var clusterTimes: [Int: [Date]] = [:]
        for (index, cluster) in clusters.enumerated() {
            guard let cluster else { continue }
            clusterAuthors[cluster, default: []].insert(comments[index].author ?? "#\(index)")
            if let time = comments[index].time.flatMap(DateNormalizer.date) { clusterTimes[cluster, default: []].append(time) }
        }
        var clusterSizes: [Int: Int] = [:]
        for cluster in clusters.compactMap({ $0 }) { clusterSizes[cluster, default: 0] += 1 }
        var authorCounts: [String: Int] = [:]
        for comment in comments { if let author = comment.author { authorCounts[author, default: 0] += 1 } }
        let indexByID = Dictionary(comments.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })

        // Shared words, scored once: eligibility for off-topic, and the reasons.
        let lexical = texts.map { relatedness?.score($0) }
        // What a comment says of itself ("Off topic, but …"): it lowers the off-topic bar and gives the reason.
        let declarations = texts.map(DigressionCues.declaration)
        // A focused comment's parent is screened too: a bare agreement with a flagged one is flagged.
        let wanted = focus.map { focus in
            focus.union(focus.compactMap { comments.indices.contains($0) ? comments[$0].parent.flatMap { indexByID[$0] } : nil })
        }
        // The topic model reads the comments long enough to judge (and those wanted) with the lead;
        // not replies, whose subject is their parent's and which it was not trained to read, and
        // not comments so close to the article that no probability could put them off it.
        let modelOffTopic: [Double?]? = topic.flatMap { topic in
            guard let meaning, let bodied else { return nil }
            let judged = comments.indices.filter { index in
                // The lift it needs without the model, as the judgement sets it.
                let bar = declarations[index] == nil ? thresholds.offTopicLift : max(thresholds.offTopicLift, thresholds.offTopicDeclaredLift)
                return (lexical[index]?.contentWords ?? 0) >= thresholds.offTopicMinWords && (wanted?.contains(index) ?? true)
                    && comments[index].parent.flatMap { indexByID[$0] } == nil
                    && meaning.relatedness(index) - meaning.background(index) < bar + thresholds.offTopicModelWeight
            }
            var result = [Double?](repeating: nil, count: comments.count)
            for (index, probability) in zip(judged, topic.offTopicProbabilities(judged.map { texts[$0] }, article: bodied)) {
                result[index] = probability
            }
            return result
        }
        let judgement = meaning.map { meaning in
            OffTopicJudgement(
                meaning: meaning, comments: comments,
                eligible: lexical.map { ($0?.contentWords ?? 0) >= thresholds.offTopicMinWords },
                declared: declarations.map { $0 != nil },
                conversational: comments.indices.map { meaning.genericness($0).score >= thresholds.conversationalReply },
                threshold: thresholds.offTopicLift, declaredThreshold: thresholds.offTopicDeclaredLift, borderline: thresholds.offTopicBorderline,
                replyThreshold: thresholds.offTopicReplyLift, wholeThreshold: thresholds.offTopicExchangeLift,
                pairThreshold: thresholds.offTopicPairLift, focus: wanted, modelOffTopic: modelOffTopic,
                modelWeight: thresholds.offTopicModelWeight)
        }
        var results: [CommentScreening] = []
        for (index, comment) in comments.enumerated() {
            if let wanted, !wanted.contains(index) {
                results.append(CommentScreening(id: comment.id, inauthentic: 0, flags: [], reasons: [], cluster: clusters[index].map { "t\($0)" }))
                continue
            }
            var flags: [String] = []
            var reasons: [String] = []
            var probabilities: [Double] = []
            let text = comment.text
            let words = text.roughWordCount

            if let spam {
                let p = spam.score(text)
                let cues = PromotionCues.cues(text)
                let reachable = cues.contains("link") || cues.contains("contact details")
                let isSpam =
                    (p >= spam.threshold && !cues.isEmpty) || (reachable && p >= thresholds.spamWithAddress)
                    || p >= thresholds.spamWithoutCue
                if isSpam {
                    flags.append("spam")
                    reasons.append(
                        "spam or self-promotion (\(Self.percent(p)))" + (cues.isEmpty ? "" : ": " + cues.prefix(4).joined(separator: ", ")))
                }
                probabilities.append(isSpam ? p : p * 0.5)
            }
            if let cluster = clusters[index] {
                let size = clusterSizes[cluster] ?? 1
                let authors = clusterAuthors[cluster]?.count ?? 1
                if authors >= 2 || comment.author == nil {
                    flags.append("template")
                    let others = "\(size - 1) other comment\(size == 2 ? "" : "s")"
                    if let similarity = linkSimilarity[index] {
                        reasons.append("the same comment reworded as \(others) (template t\(cluster), \(Self.percent(similarity)) alike in meaning)")
                    } else {
                        reasons.append("same wording as \(others) (template t\(cluster))")
                    }
                    probabilities.append(0.75)
                }
            }
            let related = lexical[index]
            let phrases = Boilerplate.phrases(in: text)
            // A short reply is judged by the behaviour rules (agreeing with a flagged comment), not as boilerplate.
            let shortReply = comment.parent != nil && words <= 5
            var scores: (relatedness: Double, genericness: Double)?
            if let meaning, let judgement {
                let closeness = judgement.closeness[index]
                let genericness = meaning.genericness(index)
                scores = (judgement.lifts[index], genericness.score)
                // A reply is measured against its parent too: close to it is conversation, not boilerplate.
                let parentIndex = comment.parent.flatMap { indexByID[$0] }.flatMap { $0 < index ? $0 : nil }
                let toParent = parentIndex.map { meaning.similarity(index, $0) } ?? -1
                let continuesOffTopic =
                    parentIndex.map { judgement.offTopic[$0] && (toParent > closeness || judgement.offTopic[index]) } ?? false
                let isGeneric =
                    genericness.score >= thresholds.generic
                    && genericness.score >= max(bodied == nil ? -1 : closeness, toParent) + thresholds.genericMargin
                // Thanking or agreeing with the comment above is conversation: a reply is boilerplate
                // only when it is as good as a stock comment itself.
                let stockReply = parentIndex == nil || genericness.score >= thresholds.genericReply
                if !shortReply && !continuesOffTopic && stockReply && (isGeneric || Boilerplate.isContentFree(text)) {
                    flags.append("boilerplate")
                    var reason =
                        "fits any article: as close to a stock comment (“\(GenericComments.prototypes[genericness.prototype])”) as to this article"
                    if !isGeneric { reason = "says nothing specific to the article" }
                    if !phrases.isEmpty { reason += "; stock phrases: " + phrases.prefix(3).map { "“\($0)”" }.joined(separator: ", ") }
                    reasons.append(reason)
                    probabilities.append(phrases.isEmpty ? 0.45 : 0.55)
                } else if let related, judgement.offTopic[index], !flags.contains("spam") {
                    // A promotion is spam first: calling it off-topic too says nothing more.
                    flags.append("off_topic")
                    let shared =
                        related.shared.isEmpty
                        ? "it shares no specific words with it"
                        : "the words it shares (\(related.shared.prefix(3).joined(separator: ", "))) are incidental"
                    if let probability = judgement.byModel[index] {
                        reasons.append(
                            "about something else: only a little closer in meaning to the article (\(Self.percent(max(0, closeness))) at best) than to unrelated subjects, and read with the article's lead the topic model puts it off the subject (\(Self.percent(probability))); \(shared)"
                        )
                    } else if let whole = judgement.byConversation[index] {
                        reasons.append(
                            "about something else: the conversation it is part of (\(whole.comments) comments), read as a whole, is no closer in meaning to the article than to unrelated subjects; \(shared)"
                        )
                    } else if let declaration = declarations[index], judgement.lifts[index] >= thresholds.offTopicLift {
                        reasons.append(
                            "about something else: says so itself (“\(declaration)”), and it is far in meaning from the article (\(Self.percent(max(0, closeness))) at best)"
                        )
                    } else {
                        reasons.append(
                            "about something else: no closer in meaning to the article (\(Self.percent(max(0, closeness))) at best) than to unrelated subjects; \(shared)"
                        )
                    }
                    probabilities.append(0.7)
                }
            } else {
                if !phrases.isEmpty || Boilerplate.isContentFree(text) {
                    flags.append("boilerplate")
                    reasons.append(
                        phrases.isEmpty
                            ? "says nothing specific to the article" : "stock phrases: " + phrases.prefix(3).map { "“\($0)”" }.joined(separator: ", ")
                    )
                    probabilities.append(phrases.count >= 2 ? 0.55 : 0.4)
                }
                if let related, related.contentWords >= 6, related.score < 0.12, related.shared.count <= 1 {
                    flags.append("off_topic")
                    reasons.append("about something else: shares \(related.shared.isEmpty ? "no" : "almost no") specific words with the article")
                    probabilities.append(0.7)
                }
            }
            if let machine, words >= 12 {
                let p = machine.score(text, embedding: meaning?.comments[index])
                if p >= 0.85 {
                    flags.append("machine_style")
                    reasons.append("reads as machine-written (\(Self.percent(p)))")
                    probabilities.append(0.45)  // out of its training domain: never enough alone
                }
            }
            // Behaviour.
            if let cluster = clusters[index], let times = clusterTimes[cluster], times.count >= 3,
                let first = times.min(), let last = times.max(), last.timeIntervalSince(first) <= 15 * 60
            {
                flags.append("coordinated")
                reasons.append("posted in a burst: \(times.count) similar comments within \(max(1, Int(last.timeIntervalSince(first) / 60))) minutes")
                probabilities.append(0.6)
            } else if let author = comment.author, let count = authorCounts[author], count >= 4 {
                flags.append("coordinated")
                reasons.append("\(author) posted \(count) comments in this thread")
                probabilities.append(0.4)
            }
            results.append(
                CommentScreening(
                    id: comment.id, inauthentic: 0, flags: flags, reasons: reasons, cluster: clusters[index].map { "t\($0)" },
                    relatedness: scores.map { $0.relatedness.rounded(toPlaces: 4) }, genericness: scores.map { $0.genericness.rounded(toPlaces: 4) }))
            results[index].inauthentic = (1 - probabilities.reduce(1.0) { $0 * (1 - $1) }).rounded(toPlaces: 4)
        }
        // Replies that only agree with a flagged comment.
        for (index, comment) in comments.enumerated() {
            guard let parent = comment.parent, let parentIndex = indexByID[parent], results[parentIndex].inauthentic >= 0.5,
                Boilerplate.isBareAgreement(comment.text), !results[index].flags.contains("coordinated")
            else { continue }
            results[index].flags.append("coordinated")
            results[index].reasons.append("only agrees with a flagged comment")
            results[index].inauthentic = (1 - (1 - results[index].inauthentic) * 0.4).rounded(toPlaces: 4)
        }
        var summary = CommentSummary(results)
        summary.method = meaning == nil ? "words" : "meaning"
        if meaning == nil {
            summary.text +=
                encoder == nil
                ? "; judged by shared words (the sentence encoder is not installed)"
                : "; judged by shared words (more than \(thresholds.maxComments) comments)"
        }
        return Result(comments: results, summary: summary, method: summary.method)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
