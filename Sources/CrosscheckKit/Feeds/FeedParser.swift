public import Foundation

/// Reads RSS 2.0 (and RSS 1.0/RDF), Atom 1.0, JSON Feed 1.1, and sitemaps (including Google News
/// sitemaps and sitemap indexes).
public struct FeedParser: Sendable {
    public init() {}

    /// Parses `data` fetched from (or named) `base`, which resolves relative links.
    /// - Throws: ``CrosscheckError`` with code `malformedJSON` or `unsupportedContent` when the bytes
    ///   are not a feed, saying what was found instead.
    public func parse(_ data: Data, base: String? = nil) throws -> Feed {
        let (text, _) = TextDecoding.decode(data)
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "{" { return try jsonFeed(text, base: base) }
        guard trimmed.first == "<" else {
            throw CrosscheckError(.unsupportedContent, "\(base ?? "input") is not a feed (neither XML nor JSON); check the feed URL")
        }
        guard let document = HTMLDocument(parsingXML: text), document.isWellFormed else {
            throw CrosscheckError(.malformedJSON, "\(base ?? "input") is malformed XML; ask the publisher to fix the feed, or remove the source")
        }
        guard let root = document[document.root].children.first(where: { !document[$0].isText }) else {
            throw CrosscheckError(.malformedJSON, "\(base ?? "input") is empty XML")
        }
        switch local(document[root].tag) {
        case "rss", "rdf": return rss(document, root: root, base: base)
        case "feed": return atom(document, root: root, base: base)
        case "urlset": return sitemap(document, root: root, base: base, index: false)
        case "sitemapindex": return sitemap(document, root: root, base: base, index: true)
        case "html":
            throw CrosscheckError(
                .unsupportedContent, "\(base ?? "input") is a web page, not a feed; add it as a source of kind page, or find the page's feed link",
                adjustment: .pageSource)
        default:
            throw CrosscheckError(
                .unsupportedContent, "\(base ?? "input") is XML of an unknown kind (<\(document[root].tag)>), not RSS, Atom or a sitemap")
        }
    }

    private func local(_ tag: String) -> String {
        tag.split(separator: ":").last.map(String.init) ?? tag
    }

    private func children(_ document: HTMLDocument, _ node: Int, _ name: String) -> [Int] {
        let name = name.lowercased()
        return document[node].children.filter {
            !document[$0].isText && (document[$0].tag == name || local(document[$0].tag) == name && !name.contains(":"))
        }
    }

    private func text(_ document: HTMLDocument, _ node: Int, _ name: String) -> String? {
        let name = name.lowercased()
        guard let child = document[node].children.first(where: { document[$0].tag == name }) else { return nil }
        let value = document.rawText(of: child).trimmingASCII()
        return value.isEmpty ? nil : value
    }

    /// HTML in a feed field, reduced to paragraphs.
    static func plain(_ html: String?) -> String? {
        guard let html, !html.isEmpty else { return nil }
        guard html.contains("<") || html.contains("&") else { return html.collapsingWhitespace }
        let document = HTMLDocument(parsing: "<html><body><div>" + html + "</div></body></html>")
        let paragraphs = HTMLBodyExtractor(document: document, claimed: []).paragraphs()
        let text = paragraphs.isEmpty ? document.text(of: document.root) : paragraphs.joined(separator: "\n\n")
        return text.isEmpty ? nil : text
    }

    private func rss(_ document: HTMLDocument, root: Int, base: String?) -> Feed {
        let channel = children(document, root, "channel").first ?? root
        var itemNodes = children(document, channel, "item")
        if itemNodes.isEmpty { itemNodes = children(document, root, "item") }  // RSS 1.0 keeps items beside the channel
        let items = itemNodes.map { item -> FeedItem in
            let link = text(document, item, "link") ?? text(document, item, "guid")
            return FeedItem(
                id: text(document, item, "guid") ?? link,
                url: link.flatMap { URLCanonicalizer.canonical($0, base: base) },
                title: text(document, item, "title").map { Self.plain($0) ?? $0 },
                published: DateNormalizer.normalizedOrRaw(text(document, item, "pubDate") ?? text(document, item, "dc:date")),
                author: text(document, item, "dc:creator") ?? text(document, item, "author"),
                text: Self.plain(text(document, item, "content:encoded") ?? text(document, item, "description")))
        }
        return Feed(format: .rss, title: text(document, channel, "title"), items: items)
    }

    private func atom(_ document: HTMLDocument, root: Int, base: String?) -> Feed {
        let items = children(document, root, "entry").map { entry -> FeedItem in
            let links = children(document, entry, "link")
            let alternate = links.first { (document[$0].attribute("rel") ?? "alternate") == "alternate" } ?? links.first
            let href = alternate.flatMap { document[$0].attribute("href") }
            let author = children(document, entry, "author").first.flatMap { text(document, $0, "name") }
            return FeedItem(
                id: text(document, entry, "id"),
                url: href.flatMap { URLCanonicalizer.canonical($0, base: base) },
                title: text(document, entry, "title").map { Self.plain($0) ?? $0 },
                published: DateNormalizer.normalizedOrRaw(text(document, entry, "published") ?? text(document, entry, "updated")),
                author: author,
                text: Self.plain(text(document, entry, "content") ?? text(document, entry, "summary")))
        }
        return Feed(format: .atom, title: text(document, root, "title"), items: items)
    }

    private func sitemap(_ document: HTMLDocument, root: Int, base: String?, index: Bool) -> Feed {
        let items = children(document, root, index ? "sitemap" : "url").compactMap { entry -> FeedItem? in
            guard let location = text(document, entry, "loc"), let url = URLCanonicalizer.canonical(location, base: base) else { return nil }
            let news = document[entry].children.first { local(document[$0].tag) == "news" }
            let title = news.flatMap { node in document[node].children.first { local(document[$0].tag) == "title" } }
                .map { document.rawText(of: $0).trimmingASCII() }
            let date =
                news.flatMap { node in document[node].children.first { local(document[$0].tag) == "publication_date" } }
                .map { document.rawText(of: $0) } ?? text(document, entry, "lastmod")
            return FeedItem(id: url, url: url, title: title, published: DateNormalizer.normalizedOrRaw(date))
        }
        return Feed(format: index ? .sitemapIndex : .sitemap, title: nil, items: items)
    }

    private func jsonFeed(_ text: String, base: String?) throws -> Feed {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CrosscheckError(.malformedJSON, "\(base ?? "input") is not valid JSON; check the feed URL")
        }
        guard (object["version"] as? String)?.contains("jsonfeed") == true || object["items"] is [Any] else {
            throw CrosscheckError(.unsupportedContent, "\(base ?? "input") is JSON but not a JSON Feed (no \"items\")")
        }
        let items = (object["items"] as? [[String: Any]] ?? []).map { item -> FeedItem in
            let link = (item["url"] as? String) ?? (item["external_url"] as? String)
            let authors = (item["authors"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            return FeedItem(
                id: (item["id"] as? String) ?? (item["id"] as? NSNumber)?.stringValue,
                url: link.flatMap { URLCanonicalizer.canonical($0, base: base) },
                title: item["title"] as? String,
                published: DateNormalizer.normalizedOrRaw(item["date_published"] as? String),
                author: authors?.joined(separator: ", ") ?? ((item["author"] as? [String: Any])?["name"] as? String),
                text: (item["content_text"] as? String) ?? Self.plain(item["content_html"] as? String) ?? (item["summary"] as? String))
        }
        return Feed(format: .jsonFeed, title: object["title"] as? String, items: items)
    }
}
