import Foundation

/// The speaker of a direct quotation from the words right beside it, when the sentence's own
/// attribution did not name one: "…,” said former Secretary of State Hillary Clinton, who …",
/// "…,” state Sen. Jason Holsman (D) said", "Priebus told Fox News: “…”". The name is the last
/// run of capitalised words (titles such as Dr. and Sen. kept with it) in the attribution.
enum SpeakerNearQuote {
    static let verbs =
        "said|says|told|tells|added|adds|wrote|writes|asked|asks|noted|notes|continued|explained|argued|warned|insisted|recalled|replied|declared|stated|tweeted|posted|acknowledged|conceded|agreed|countered|joked|remarked|observed|cautioned|complained|predicted"
    static let after = try! NSRegularExpression(
        pattern:
            "^[,]?\\s*(?:(?:\(verbs))\\s+([^.;:\\n]{2,90}?)(?:[,.;:]|\\s+(?:who|in|on|at|during|about|after|before|to)\\b|$)|([^,.;:\\n“”\"]{2,70}?)\\s+(?:\(verbs))\\b)"
    )
    static let before = try! NSRegularExpression(
        pattern: "([^.;“”\"\\n]{2,70}?)\\s+(?:\(verbs))(?:\\s+[^.;:“”\"\\n]{0,40})?[,:]?\\s*$")

    static func speaker(around quote: Range<Int>, scalars: [Unicode.Scalar]) -> String? {
        let afterText = String(String.UnicodeScalarView(scalars[quote.upperBound..<min(scalars.count, quote.upperBound + 140)]))
        if let match = after.firstMatch(in: afterText, range: NSRange(afterText.startIndex..., in: afterText)) {
            for group in [1, 2] {
                if let range = Range(match.range(at: group), in: afterText), let name = name(in: String(afterText[range])) { return name }
            }
        }
        let beforeText = String(String.UnicodeScalarView(scalars[max(0, quote.lowerBound - 120)..<quote.lowerBound]))
        if let match = before.firstMatch(in: beforeText, range: NSRange(beforeText.startIndex..., in: beforeText)),
            let range = Range(match.range(at: 1), in: beforeText)
        {
            return name(in: String(beforeText[range]))
        }
        return nil
    }

    /// The last run of capitalised words in `phrase`, with titles kept ("Dr. Harold Varmus").
    static func name(in phrase: String) -> String? {
        let words = phrase.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "(),")) }
        var best: [String] = []
        var current: [String] = []
        for word in words {
            if let first = word.first, first.isUppercase, word.count > 1 || word == "I" {
                current.append(word)
            } else {
                if !current.isEmpty { best = current }
                current = []
            }
        }
        if !current.isEmpty { best = current }
        let stripped = best.filter { !["The", "A", "An", "But", "And", "He", "She", "They", "It", "We", "I"].contains($0) }
        guard !stripped.isEmpty else { return nil }
        return stripped.joined(separator: " ")
    }
}
