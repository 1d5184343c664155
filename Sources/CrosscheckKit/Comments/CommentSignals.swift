public import Foundation

/// How much a comment is about its article: the specific words, names and numbers it shares with
/// it, weighted by how rare they are among the article's sentences and the thread's comments.
struct Relatedness {
    let articleTerms: Set<String>
    let idf: [String: Double]
    let articleNumbers: Set<String>

    init(article: Article, comments: [String]) {
        let sentences = article.paragraphs + [article.title ?? ""]
        var documentFrequency: [String: Int] = [:]
        let documents = sentences + comments
        for document in documents {
            for term in Set(RetrievalTerms.terms(document)) { documentFrequency[term, default: 0] += 1 }
        }
        let count = Double(documents.count)
        idf = documentFrequency.mapValues { log(1 + count / Double($0)) }
        articleTerms = Set(sentences.flatMap { RetrievalTerms.terms($0) })
        articleNumbers = Set(sentences.flatMap { MatchFeatures.numbers($0) })
    }

    /// The share (0...1) of the comment's term weight that the article also has, and the shared terms.
    func score(_ comment: String) -> (score: Double, shared: [String], contentWords: Int) {
        let terms = RetrievalTerms.terms(comment)
        let unique = Set(terms)
        var total = 0.0
        var overlap = 0.0
        var shared: [String] = []
        for term in unique {
            let weight = idf[term] ?? log(2.0)
            total += weight
            if articleTerms.contains(term) {
                overlap += weight
                shared.append(term)
            }
        }
        if !MatchFeatures.numbers(comment).isDisjoint(with: articleNumbers) { overlap += 1 }
        return (total == 0 ? 0 : min(overlap / total, 1), shared.sorted(), unique.count)
    }
}

/// Stock phrases of generated or generic comments, and content-free agreement.
enum Boilerplate {
    static let stockPhrases = [
        "it is important to note", "it's important to note",
        "in today's fast-paced world", "plays a crucial role", "navigate the complexities", "food for thought",
        "only time will tell", "a testament to", "shed light on", "sheds light on", "a double-edged sword",
        "the bigger picture", "at the end of the day", "game changer", "game-changer", "unprecedented opportunities",
        "paradigm shift", "a step in the right direction", "thought-provoking", "delve into", "the importance of",
        "stay informed", "stay tuned", "couldn't agree more", "could not agree more",
        "great article", "great post", "nice article", "nice post", "thanks for sharing", "thank you for sharing",
        "very informative", "interesting read", "well written", "well said", "so true", "keep up the good work",
    ]

    static let genericWords: Set<String> = [
        "great", "good", "nice", "article", "post", "story", "read", "thanks", "thank", "you", "for", "sharing", "agree",
        "agreed", "so", "true", "well", "said", "written", "very", "informative", "interesting", "this", "is", "a", "the",
        "exactly", "yes", "wow", "love", "it", "totally", "absolutely", "important", "amazing", "awesome", "cool",
        "indeed", "really", "such", "an", "and", "i", "we", "of", "to", "couldn't", "more", "excellent", "piece",
    ]

    /// The stock phrases in a comment.
    static func phrases(in text: String) -> [String] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where scalar.isLetter || scalar == " " || scalar == "'" || scalar == "-" {
            scalars.append(scalar)
        }
        let lower = " " + String(scalars) + " "
        return stockPhrases.filter { lower.fastContains($0) }
    }

    /// Whether the comment is made only of generic praise or agreement.
    static func isContentFree(_ text: String) -> Bool {
        guard text.roughWordCount <= 10 else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        return !words.isEmpty && words.count <= 10 && words.allSatisfy { genericWords.contains($0) }
    }

    /// Agreement replies with nothing else in them ("Agreed!", "So true", "Exactly").
    static func isBareAgreement(_ text: String) -> Bool {
        guard text.roughWordCount <= 5 else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        let agreement: Set<String> = [
            "agreed", "agree", "exactly", "so", "true", "yes", "this", "totally", "absolutely", "indeed", "right", "same", "100", "i", "completely",
            "well", "said", "couldn't", "more", "+1",
        ]
        return !words.isEmpty && words.count <= 5 && words.allSatisfy { agreement.contains($0) }
    }
}
