public import Foundation

/// The format of an article input.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case html, text, json

    /// Guesses the format from a media type, a file name and the first bytes, in that order.
    ///
    /// JSON starts with `{`; HTML has a doctype or one of the common tags near its start;
    /// anything else is text.
    public static func detect(data: Data, name: String? = nil, contentType: String? = nil) -> InputFormat {
        if let contentType = contentType?.lowercased() {
            if contentType.contains("html") || contentType.contains("xhtml") { return .html }
            if contentType.contains("json") { return .json }
        }
        if let name = name?.lowercased() {
            if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") { return .html }
            if name.hasSuffix(".json") { return .json }
        }
        let (head, _) = TextDecoding.decode(data.prefix(4096))
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "{" { return .json }
        let lower = trimmed.prefix(4096).lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || lower.hasPrefix("<?xml") { return .html }
        let markers = ["<html", "<body", "<head", "<p>", "<p ", "<div", "<article", "<br", "<meta", "<title"]
        let hits = markers.filter { lower.contains($0) }.count
        if lower.hasPrefix("<"), hits >= 1 { return .html }
        return hits >= 2 ? .html : .text
    }
}
