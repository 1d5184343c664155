/// Cleans social-media posts for matching: links, `pic.twitter.com` images, the "— Name (@handle)
/// date" sign-off of embedded tweets, emoji; handles and hashtags become words ("#AustralianFires"
/// → "Australian Fires", "@JoeBiden" → "Joe Biden").
public enum SocialText {
    public static func normalize(_ text: String) -> String {
        var words: [String] = []
        for raw in withoutSignOffDate(text).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let word = String(raw)
            let lower = word.lowercased()
            if lower.hasPrefix("http") || lower.hasPrefix("www.") || lower.hasPrefix("pic.twitter") || lower.contains("://") {
                continue
            }
            if word.hasPrefix("@") || word.hasPrefix("#") || word.hasPrefix(".@") {
                let body = word.drop { $0 == "@" || $0 == "#" || $0 == "." }
                let cleaned = body.filter { $0.isLetter || $0.isNumber || $0 == "_" }
                words.append(splitCamelCase(String(cleaned)))
                continue
            }
            let kept = String(word.unicodeScalars.filter { !isEmoji($0) }.map(Character.init))
            if !kept.isEmpty { words.append(kept) }
        }
        return words.joined(separator: " ")
    }

    /// "AustralianFires" → "Australian Fires"; "real_Donald_Trump" → "real Donald Trump".
    static func splitCamelCase(_ text: String) -> String {
        var result = ""
        var previous: Character?
        for character in text {
            if character == "_" {
                result.append(" ")
            } else {
                if let previous, character.isUppercase, previous.isLowercase { result.append(" ") }
                if let previous, character.isNumber != previous.isNumber, previous != "_" { result.append(" ") }
                result.append(character)
            }
            previous = character
        }
        return result
    }

    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x1F000...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value) || (0xFE00...0xFE0F).contains(value)
            || value == 0x200D || (0x1F1E6...0x1F1FF).contains(value)
    }

    /// The text without the date that closes an embedded tweet's sign-off.
    static func withoutSignOffDate(_ text: String) -> String {
        guard signOffDate(text) != nil, let close = text.lastIndex(of: ")") else { return text }
        return String(text[...close])
    }

    /// The date an embedded tweet's sign-off gives ("— Forbes (@Forbes) January 28, 2021").
    public static func signOffDate(_ text: String) -> String? {
        guard let dash = text.lastIndex(where: { $0 == "—" || $0 == "–" }) else { return nil }
        let tail = text[text.index(after: dash)...]
        guard let close = tail.lastIndex(of: ")") else { return nil }
        let date = String(tail[tail.index(after: close)...]).trimmingASCII()
        return DateNormalizer.iso8601(date)
    }
}
