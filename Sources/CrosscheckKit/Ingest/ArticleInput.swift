public import Foundation

/// The raw bytes of an article and what is known about where they came from.
public struct ArticleInput: Sendable, Hashable, Codable {
    /// The bytes as read from a file, standard input or a URL.
    public var data: Data
    /// A name for messages: the file path, `-` for standard input, or the URL.
    public var name: String
    /// The URL the bytes were fetched from, after redirects, or the page's own URL a client gave.
    public var url: String?
    /// The `Content-Type` the server sent.
    public var contentType: String?

    public init(data: Data, name: String, url: String? = nil, contentType: String? = nil) {
        self.data = data
        self.name = name
        self.url = url
        self.contentType = contentType
    }

    /// The charset named by ``contentType``, if any.
    public var declaredCharset: Charset? {
        guard let contentType, let range = contentType.range(of: "charset=", options: .caseInsensitive) else {
            return nil
        }
        let label = contentType[range.upperBound...].prefix { $0 != ";" }
        return Charset(label: String(label))
    }
}
