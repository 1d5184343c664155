public import Foundation

/// Turns files and fetched pages into ``EvidenceDocument``s: HTML through the article extractor,
/// text and Markdown through the plain-text extractor, JSON Lines `{"id", "title", "url",
/// "published", "text"}` line by line, and RSS, Atom and JSON Feed files item by item.
public struct DocumentConverter: Sendable {
    /// The source name documents are filed under.
    public var source: String
    /// The retrieval time stamped on documents (ISO 8601).
    public var retrieved: String

    public init(source: String, retrieved: String) {
        self.source = source
        self.retrieved = retrieved
    }

    /// What converting produced.
    public struct Result: Sendable {
        public var documents: [EvidenceDocument] = []
        /// One line per skipped record, naming where it was and why.
        public var problems: [String] = []
    }

    /// Converts one file, choosing the reader by its extension (then by its content).
    public func convert(file name: String, data: Data, url: String? = nil) -> Result {
        let lower = name.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return jsonLines(data, name: name) }
        if lower.hasSuffix(".xml") || lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix(".json") {
            if let feed = try? FeedParser().parse(data, base: url), feed.format != .sitemap, feed.format != .sitemapIndex {
                return items(feed)
            }
            if lower.hasSuffix(".json") {
                return (try? JSONArticleDecoder().decode(data, url: url)).map { article(from: $0, name: name) }
                    ?? Result(problems: ["\(name): not a JSON Feed or article; skipped"])
            }
            return Result(problems: ["\(name): not a feed; skipped"])
        }
        if TextDecoding.looksBinary(data) { return Result(problems: ["\(name): binary file; skipped"]) }
        let format: InputFormat =
            lower.hasSuffix(".html") || lower.hasSuffix(".htm")
            ? .html
            : lower.hasSuffix(".txt") || lower.hasSuffix(".md") || lower.hasSuffix(".text")
                ? .text
                : InputFormat.detect(data: data, name: name)
        do {
            let read = try ArticleReader(configuration: .init(format: format)).read(ArticleInput(data: data, name: name, url: url))
            return article(from: read.article, name: name)
        } catch let error as CrosscheckError {
            return Result(problems: ["\(name): \(error.message)"])
        } catch {
            return Result(problems: ["\(name): \(error)"])
        }
    }

    /// The document of an extracted article.
    public func article(from article: Article, name: String) -> Result {
        guard article.hasBody else { return Result(problems: ["\(name): no text; skipped"]) }
        return Result(documents: [
            EvidenceDocument(
                source: source, url: article.url.flatMap { URLCanonicalizer.canonical($0) } ?? article.url, title: article.title,
                published: article.published, retrieved: retrieved, text: article.text)
        ])
    }

    /// One document per JSON line; bad lines are reported, never fatal.
    public func jsonLines(_ data: Data, name: String) -> Result {
        var result = Result()
        let (text, _) = TextDecoding.decode(data)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line).trimmingASCII()
            guard !trimmed.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                result.problems.append("\(name):\(index + 1): not a JSON object; skipped")
                continue
            }
            var body = object["text"] as? String ?? object["body"] as? String ?? object["abstract"] as? String
            if body == nil, let sentences = object["abstract"] as? [String] { body = sentences.joined(separator: " ") }
            guard let body, !body.trimmingASCII().isEmpty else {
                result.problems.append("\(name):\(index + 1): no \"text\"; skipped")
                continue
            }
            let id =
                (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
                ?? (object["doc_id"] as? NSNumber)?.stringValue ?? (object["doc_id"] as? String)
            let url = (object["url"] as? String).flatMap { URLCanonicalizer.canonical($0) ?? $0 }
            result.documents.append(
                EvidenceDocument(
                    externalID: id, source: (object["source"] as? String) ?? source, url: url, title: object["title"] as? String,
                    publisher: object["publisher"] as? String, published: DateNormalizer.normalizedOrRaw(object["published"] as? String),
                    retrieved: retrieved, language: object["language"] as? String, text: body))
        }
        return result
    }

    /// One document per feed item that carries text.
    public func items(_ feed: Feed) -> Result {
        var result = Result()
        for item in feed.items {
            guard let text = item.text, text.roughWordCount >= 5 else { continue }
            result.documents.append(
                EvidenceDocument(
                    externalID: nil, source: source, url: item.url, title: item.title, publisher: feed.title, published: item.published,
                    retrieved: retrieved, text: text))
        }
        return result
    }
}
