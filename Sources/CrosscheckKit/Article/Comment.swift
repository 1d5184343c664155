/// One comment from an article's comment section.
public struct Comment: Sendable, Hashable, Codable {
    /// The page's own id for the comment (`comment-101`), or `c1`, `c2`, ... in page order.
    public var id: String
    /// The commenter's display name.
    public var author: String?
    /// When the comment was posted, as ISO 8601 when it could be read.
    public var time: String?
    /// The comment text; paragraphs are separated by two newlines.
    public var text: String
    /// The id of the comment this one replies to.
    public var parent: String?

    public init(id: String, author: String? = nil, time: String? = nil, text: String, parent: String? = nil) {
        self.id = id
        self.author = author
        self.time = time
        self.text = text
        self.parent = parent
    }
}
