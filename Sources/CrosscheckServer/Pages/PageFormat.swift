import Foundation
import HTTPTypes

/// How the pages write numbers, times and labels for people.
enum PageFormat {
    /// An ISO 8601 time as "2026-12-02 21:39 UTC"; a date alone, or anything else, as given.
    static func time(_ iso: String) -> String {
        guard iso.count >= 16, iso.dropFirst(10).first == "T" else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }

    /// A score in 0…1 as "0.93".
    static func score(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A share in 0…1 as "86%".
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// A label such as `not_enough_info` as "not enough info".
    static func label(_ value: String) -> String { value.replacingOccurrences(of: "_", with: " ") }

    /// The first line of `text`, at most 80 characters, as a name for a pasted article.
    static func firstLine(_ text: String) -> String {
        if let open = text.range(of: "<title>", options: .caseInsensitive),
            let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        {
            let title = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !title.isEmpty { return title.count > 80 ? String(title.prefix(79)) + "…" : title }
        }
        let line = text.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "pasted article"
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 80 ? String(trimmed.prefix(79)) + "…" : trimmed
    }
}

extension PageFormat {
    /// `address` when it is an http(s) URL, else `nil`: a page links only to the web, never to a
    /// `javascript:` or `data:` address an untrusted article or feed put in its fields.
    static func link(_ address: String?) -> String? {
        guard let address, let scheme = URL(string: address.trimmingCharacters(in: .whitespaces))?.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { return nil }
        return address
    }
}

extension PageFormat {
    /// `value` percent-encoded for a URL's query.
    static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
