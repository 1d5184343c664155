internal import Foundation

/// Turns raw input into an ``Article``: checks it, decodes its charset, detects its format and
/// runs the matching extractor.
public struct ArticleReader: Sendable {
    /// How to read input.
    public struct Configuration: Sendable, Hashable {
        /// The format to read; `nil` detects it. The default is `nil`.
        public var format: InputFormat?
        /// The largest input accepted, in bytes. The default is 50 MB.
        public var maxBytes: Int

        public init(format: InputFormat? = nil, maxBytes: Int = 50_000_000) {
            self.format = format
            self.maxBytes = maxBytes
        }
    }

    /// What reading produced, with the facts a report records about the input.
    public struct Result: Sendable {
        public var article: Article
        public var format: InputFormat
        public var charset: Charset
    }

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Reads `input`.
    /// - Throws: ``CrosscheckError`` for empty, binary, oversized or malformed input, and when no
    ///   article body is found.
    public func read(_ input: ArticleInput) throws -> Result {
        let data = input.data
        if data.count > configuration.maxBytes {
            throw CrosscheckError(
                .inputTooLarge,
                "\(input.name) is \(ByteCount(data.count)), over the \(ByteCount(configuration.maxBytes)) limit; raise the limit or trim the input",
                adjustment: .inputLimit)
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw CrosscheckError(.emptyArticle, "\(input.name) is empty; give a file with an article in it")
        }
        if TextDecoding.looksBinary(data) {
            throw CrosscheckError(
                .binaryInput,
                "\(input.name) looks like binary data, not text, HTML or JSON; give the article as a text, HTML or JSON file"
            )
        }
        let format =
            configuration.format
            ?? InputFormat.detect(data: data, name: input.name, contentType: input.contentType)
        let (text, charset) = TextDecoding.decode(data, declared: input.declaredCharset)
        let article: Article
        switch format {
        case .json: article = try JSONArticleDecoder().decode(Data(text.utf8), url: input.url)
        case .html: article = HTMLArticleExtractor().extract(html: text, url: input.url)
        case .text: article = PlainTextExtractor().extract(text: text, url: input.url)
        }
        guard article.hasBody else {
            let hint =
                format == .text
                ? "check that the file holds the article text"
                : "if the page is unusual, read it as plain text"
            throw CrosscheckError(.emptyArticle, "no article body found in \(input.name); \(hint)", adjustment: format == .text ? nil : .inputFormat)
        }
        return Result(article: article, format: format, charset: charset)
    }
}

/// A byte count written for people: "1.5 MB".
public struct ByteCount: CustomStringConvertible, Sendable {
    public var bytes: Int
    public init(_ bytes: Int) { self.bytes = bytes }

    public var description: String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        if bytes >= 1_000 { return String(format: "%.1f KB", Double(bytes) / 1_000) }
        return "\(bytes) bytes"
    }

    /// Parses "50MB", "200 KB", "1.5M", "1000" (bytes).
    public static func parse(_ text: String) -> Int? {
        let lower = text.lowercased().filter { !$0.isWhitespace }
        let number = lower.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number), value >= 0 else { return nil }
        let unit = lower.dropFirst(number.count)
        let factor: Double
        switch unit {
        case "", "b": factor = 1
        case "k", "kb", "kib": factor = 1_000
        case "m", "mb", "mib": factor = 1_000_000
        case "g", "gb", "gib": factor = 1_000_000_000
        default: return nil
        }
        return Int(value * factor)
    }
}
