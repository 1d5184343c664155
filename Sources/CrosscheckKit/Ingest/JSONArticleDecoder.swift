public import Foundation

/// Reads an ``Article`` from the documented JSON article object.
///
/// ```json
/// {"title": "...", "url": "...", "published": "2026-03-03T10:00:00Z", "byline": "...",
///  "text": "paragraphs separated by blank lines" | "paragraphs": ["...", "..."],
///  "comments": [{"id": "c1", "author": "...", "time": "...", "text": "...", "parent": "..."}]}
/// ```
/// `author`/`authors` are accepted for `byline`, `body`/`content` for `text`, and a number for an id.
public struct JSONArticleDecoder: Sendable {
    public init() {}

    /// Decodes one article from `data`.
    /// - Throws: ``CrosscheckError`` with code `malformedJSON` naming the place of the error.
    public func decode(_ data: Data, url: String? = nil) throws -> Article {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw CrosscheckError(
                .malformedJSON,
                "the input is not valid JSON (\(Self.describe(error))); fix the JSON or read it as text or HTML",
                adjustment: .inputFormat, cause: error
            )
        }
        guard let object = value as? [String: Any] else {
            throw CrosscheckError(
                .malformedJSON,
                "the JSON input is not an article object; give an object with \"text\" or \"paragraphs\" (see docs/article-json.md)"
            )
        }
        return try decode(object: object, url: url)
    }

    /// Decodes one article from a parsed JSON object.
    public func decode(object: [String: Any], url: String? = nil) throws -> Article {
        var paragraphs: [String] = []
        if let list = object["paragraphs"] as? [Any] {
            guard list.allSatisfy({ $0 is String }) else {
                throw CrosscheckError(.malformedJSON, "\"paragraphs\" must be a list of strings")
            }
            paragraphs = list.compactMap { $0 as? String }.map(Self.clean).filter { !$0.isEmpty }
        } else if let text = (object["text"] ?? object["body"] ?? object["content"]) as? String {
            paragraphs = Self.split(text)
        } else if object["paragraphs"] != nil || object["text"] != nil {
            throw CrosscheckError(.malformedJSON, "\"text\" must be a string and \"paragraphs\" a list of strings")
        }
        var comments: [Comment] = []
        if let list = object["comments"] as? [Any] {
            for (offset, element) in list.enumerated() {
                guard let entry = element as? [String: Any], let text = Self.string(entry["text"] ?? entry["body"])
                else {
                    throw CrosscheckError(
                        .malformedJSON, "comment \(offset + 1) has no \"text\"; each comment needs at least a text")
                }
                comments.append(
                    Comment(
                        id: Self.string(entry["id"]) ?? "c\(offset + 1)",
                        author: Self.string(entry["author"] ?? entry["user"] ?? entry["name"]),
                        time: DateNormalizer.normalizedOrRaw(Self.string(entry["time"] ?? entry["date"])),
                        text: text.trimmingCharacters(in: .whitespacesAndNewlines),
                        parent: Self.string(entry["parent"] ?? entry["parent_id"] ?? entry["reply_to"])))
            }
        }
        let byline = Self.string(object["byline"]) ?? Self.names(object["author"] ?? object["authors"])
        return Article(
            url: Self.string(object["url"]) ?? url,
            title: Self.string(object["title"] ?? object["headline"]).map(Self.clean),
            byline: byline,
            published: DateNormalizer.normalizedOrRaw(Self.string(object["published"] ?? object["date"])),
            paragraphs: paragraphs,
            comments: comments
        )
    }

    /// Splits text at blank lines, or at line breaks when it has no blank lines.
    static func split(_ text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let hasBlank = normalized.contains("\n\n")
        let pieces = hasBlank ? normalized.components(separatedBy: "\n\n") : normalized.components(separatedBy: "\n")
        return pieces.map(clean).filter { !$0.isEmpty }
    }

    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string.isEmpty ? nil : string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func names(_ value: Any?) -> String? {
        if let string = string(value) { return string }
        if let object = value as? [String: Any] { return string(object["name"]) }
        if let list = value as? [Any] {
            let found = list.compactMap { Self.names($0) }
            return found.isEmpty ? nil : found.joined(separator: ", ")
        }
        return nil
    }

    /// Foundation's JSON error, reduced to its place and reason.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        return "\(error)"
    }
}
