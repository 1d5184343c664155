/// What a feed or sitemap lists.
public struct Feed: Sendable, Hashable {
    /// The format the feed was read as.
    public enum Format: String, Sendable, Hashable {
        case rss, atom, jsonFeed = "json-feed", sitemap, sitemapIndex = "sitemap-index"
    }

    public var format: Format
    public var title: String?
    public var items: [FeedItem]

    public init(format: Format, title: String?, items: [FeedItem]) {
        self.format = format
        self.title = title
        self.items = items
    }
}

/// One entry of a feed or sitemap.
public struct FeedItem: Sendable, Hashable {
    /// The item's own id (RSS `guid`, Atom `id`, JSON Feed `id`).
    public var id: String?
    /// The article page, resolved against the feed's URL.
    public var url: String?
    public var title: String?
    /// Publication time, ISO 8601.
    public var published: String?
    public var author: String?
    /// The item's text as the feed carries it (its HTML reduced to paragraphs).
    public var text: String?

    public init(id: String? = nil, url: String? = nil, title: String? = nil, published: String? = nil, author: String? = nil, text: String? = nil) {
        self.id = id
        self.url = url
        self.title = title
        self.published = published
        self.author = author
        self.text = text
    }
}
