public import CrosscheckKit
public import Foundation

/// Attribution relations annotated in news articles (`shared/data/quotes/dev.jsonl`): each
/// article's text and its quotes with their spans, speakers and kinds.
public struct QuoteArticle: Sendable {
    public struct Relation: Sendable {
        public var start: Int
        public var end: Int
        public var speaker: String?
        /// `direct`, `mixed` or `indirect`.
        public var kind: String
    }

    public var id: String
    public var text: String
    public var relations: [Relation]

    public init(id: String, text: String, relations: [Relation]) {
        self.id = id
        self.text = text
        self.relations = relations
    }

    /// Every article of a JSON Lines file.
    /// - Throws: ``CrosscheckError`` when the file is missing or a line is not an article.
    public static func load(file: String) throws -> [QuoteArticle] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CrosscheckError(.fileNotFound, "no quotes data at \(file); give the dev.jsonl of shared/data/quotes or its folder")
        }
        var articles: [QuoteArticle] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let id = object["id"] as? String,
                let text = object["text"] as? String, let quotes = object["quotes"] as? [[String: Any]]
            else { throw CrosscheckError(.badDataLine, "\(file) line \(number + 1) is not an article with quotes") }
            articles.append(
                QuoteArticle(
                    id: id, text: text,
                    relations: quotes.compactMap { quote in
                        guard let start = quote["start"] as? Int, let end = quote["end"] as? Int else { return nil }
                        return Relation(start: start, end: end, speaker: quote["speaker"] as? String, kind: quote["kind"] as? String ?? "indirect")
                    }))
        }
        return articles
    }
}

extension QuoteArticle {
    /// Whether the attribution tagger's trainer held this article aside for measurement: the first
    /// two bytes of the SHA-256 of its id, big-endian, modulo 100, below 20 (the rule in
    /// `scripts/train-attribution/train.py`).
    public var isHeldAside: Bool {
        let digest = Digests.sha256(Array(id.utf8))
        return (Int(digest[0]) << 8 | Int(digest[1])) % 100 < 20
    }
}
