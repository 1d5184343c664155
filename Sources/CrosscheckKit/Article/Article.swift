public import Foundation

/// A news article reduced to what the engine reads: metadata, body paragraphs and comments.
///
/// `text` is the paragraphs joined by two newlines; every span offset in a report indexes it in
/// Unicode scalars.
public struct Article: Sendable, Hashable, Codable {
    /// The canonical URL of the page, when known.
    public var url: String?
    /// The headline.
    public var title: String?
    /// The author or authors, as the page names them.
    public var byline: String?
    /// The publication time, as ISO 8601 when it could be read.
    public var published: String?
    /// The body paragraphs in reading order, without page furniture.
    public var paragraphs: [String]
    /// The comment section, in page order.
    public var comments: [Comment]

    public init(
        url: String? = nil,
        title: String? = nil,
        byline: String? = nil,
        published: String? = nil,
        paragraphs: [String] = [],
        comments: [Comment] = []
    ) {
        self.url = url
        self.title = title
        self.byline = byline
        self.published = published
        self.paragraphs = paragraphs
        self.comments = comments
    }

    /// The paragraphs joined by two newlines: the text that report offsets index.
    public var text: String { paragraphs.joined(separator: Self.paragraphSeparator) }

    /// The separator between paragraphs in ``text``.
    public static let paragraphSeparator = "\n\n"

    /// Whether the article has any body text.
    public var hasBody: Bool { paragraphs.contains { !$0.isEmpty } }
}
