public import Foundation

/// Screens a comment section for inauthentic comments: off-topic, templated, boilerplate,
/// machine-written, spam and coordinated — each with a one-line reason — and sums up the thread.
public struct CommentScreener: Sendable {
    public var spam: TextClassifier?
    public var machine: TextClassifier?

    public init(spam: TextClassifier?, machine: TextClassifier?) {
        self.spam = spam
        self.machine = machine
    }

    /// The result for a thread.
    public struct Result: Sendable {
        public var comments: [CommentScreening]
        public var summary: CommentSummary
    }

    /// Screens `comments` together, against `article` when there is one with a body.
    public func screen(_ comments: [Comment], article: Article?) -> Result {
        let texts = comments.map(\.text)
        let relatedness = article.flatMap { $0.hasBody ? Relatedness(article: $0, comments: texts) : nil }
        let clusters = TemplateClusterer().clusters(texts)
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

        var results: [CommentScreening] = []
        for (index, comment) in comments.enumerated() {
            var flags: [String] = []
            var reasons: [String] = []
            var probabilities: [Double] = []
            let text = comment.text
            let words = text.roughWordCount

            if let spam {
                let p = spam.score(text)
                if p >= spam.threshold {
                    flags.append("spam")
                    let cues = SpamCues.cues(text).filter { !$0.hasPrefix("spam:len") }.map { $0.replacingOccurrences(of: "spam:", with: "") }
                    reasons.append("spam or self-promotion (\(Self.percent(p)))" + (cues.isEmpty ? "" : ": " + cues.prefix(4).joined(separator: ", ")))
                }
                probabilities.append(p >= spam.threshold ? p : p * 0.5)
            }
            if let cluster = clusters[index] {
                let size = clusterSizes[cluster] ?? 1
                let authors = clusterAuthors[cluster]?.count ?? 1
                if authors >= 2 || comment.author == nil {
                    flags.append("template")
                    reasons.append("same wording as \(size - 1) other comment\(size == 2 ? "" : "s") (template t\(cluster))")
                    probabilities.append(0.75)
                }
            }
            let phrases = Boilerplate.phrases(in: text)
            if !phrases.isEmpty || Boilerplate.isContentFree(text) {
                flags.append("boilerplate")
                reasons.append(phrases.isEmpty ? "says nothing specific to the article" : "stock phrases: " + phrases.prefix(3).map { "“\($0)”" }.joined(separator: ", "))
                probabilities.append(phrases.count >= 2 ? 0.55 : 0.4)
            }
            if let relatedness {
                let related = relatedness.score(text)
                if related.contentWords >= 6, related.score < 0.12, related.shared.count <= 1 {
                    flags.append("off_topic")
                    reasons.append("about something else: shares \(related.shared.isEmpty ? "no" : "almost no") specific words with the article")
                    probabilities.append(0.7)
                }
            }
            if let machine, words >= 12 {
                let p = machine.score(text)
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
            results.append(CommentScreening(
                id: comment.id, inauthentic: 0, flags: flags, reasons: reasons, cluster: clusters[index].map { "t\($0)" }))
            results[index].inauthentic = (1 - probabilities.reduce(1.0) { $0 * (1 - $1) }).rounded(toPlaces: 4)
        }
        // Replies that only agree with a flagged comment.
        let byID = Dictionary(results.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (index, comment) in comments.enumerated() {
            guard let parent = comment.parent, let parentIndex = byID[parent], results[parentIndex].inauthentic >= 0.5,
                Boilerplate.isBareAgreement(comment.text), !results[index].flags.contains("coordinated")
            else { continue }
            results[index].flags.append("coordinated")
            results[index].reasons.append("only agrees with a flagged comment")
            results[index].inauthentic = (1 - (1 - results[index].inauthentic) * 0.4).rounded(toPlaces: 4)
        }
        return Result(comments: results, summary: CommentSummary(results))
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}

/// A thread's summary: how many comments look inauthentic, the templates, the common reasons.
public struct CommentSummary: Sendable, Hashable, Codable {
    public var comments: Int
    public var inauthentic: Int
    public var templates: Int
    /// Flag name → how many comments carry it.
    public var flags: [String: Int]
    /// One line for people: "6 of 8 comments look inauthentic; 2 templates".
    public var text: String

    public init(_ results: [CommentScreening]) {
        comments = results.count
        inauthentic = results.count { $0.inauthentic >= 0.5 }
        templates = Set(results.compactMap { $0.flags.contains("template") ? $0.cluster : nil }).count
        var counts: [String: Int] = [:]
        for result in results { for flag in result.flags { counts[flag, default: 0] += 1 } }
        flags = counts
        var line = "\(inauthentic) of \(comments) comment\(comments == 1 ? "" : "s") look\(inauthentic == 1 ? "s" : "") inauthentic"
        if templates > 0 { line += "; \(templates) template\(templates == 1 ? "" : "s")" }
        let common = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(3)
        if !common.isEmpty { line += "; most common: " + common.map { "\($0.key) (\($0.value))" }.joined(separator: ", ") }
        text = line
    }
}
