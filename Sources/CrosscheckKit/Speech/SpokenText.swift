import Foundation

/// Rewrites written news text as it is read aloud, so the synthesiser says "forty-eight million
/// dollars" for "$48 million", "twenty twenty-seven" for "2027", "Doctor Lee" for "Dr. Lee",
/// "one point two percent" for "1.2%" and "November second, twenty twenty-six" for "2026-11-02".
public enum SpokenText {
    /// `text` with its numbers, dates, money, percentages and abbreviations written as words.
    public static func normalize(_ text: String) -> String {
        rules.reduce(text) { text, rule in rule.apply(to: text) }
    }

    /// A pattern and what each match becomes, given its capture groups (0 is the whole match).
    struct Rule: Sendable {
        let expression: NSRegularExpression
        let rewrite: @Sendable ([String?]) -> String?

        init(_ pattern: String, _ rewrite: @escaping @Sendable ([String?]) -> String?) {
            expression = try! NSRegularExpression(pattern: pattern)
            self.rewrite = rewrite
        }

        /// `text` with every match rewritten; a match the rewrite declines (`nil`) stays as written.
        func apply(to text: String) -> String {
            let source = text as NSString
            var result = ""
            var last = 0
            for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
                let groups = (0..<match.numberOfRanges).map { index -> String? in
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? nil : source.substring(with: range)
                }
                guard let replacement = rewrite(groups) else { continue }
                result += source.substring(with: NSRange(location: last, length: match.range.location - last)) + replacement
                last = match.range.location + match.range.length
            }
            return result + source.substring(from: last)
        }
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static let scaleWords: [String: String] = [
        "thousand": "thousand", "k": "thousand", "million": "million", "m": "million", "mn": "million", "billion": "billion", "bn": "billion",
        "b": "billion", "trillion": "trillion", "tn": "trillion",
    ]

    private static let currencies: [String: (one: String, many: String, minor: String?)] = [
        "$": ("dollar", "dollars", "cents"), "€": ("euro", "euros", "cents"), "£": ("pound", "pounds", "pence"), "¥": ("yen", "yen", nil),
    ]

    private static let titles: [String: String] = [
        "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Gen": "General", "Sen": "Senator",
        "Rep": "Representative", "Gov": "Governor", "Lt": "Lieutenant", "Col": "Colonel", "Capt": "Captain", "Sgt": "Sergeant",
        "Adm": "Admiral", "Maj": "Major", "Cpl": "Corporal", "Pres": "President", "Supt": "Superintendent", "St": "Saint",
        "Rev": "Reverend", "Fr": "Father", "Hon": "Honourable",
    ]

    private static let abbreviations: [String: String] = [
        "e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "approx.": "approximately", "Inc.": "Incorporated",
        "Corp.": "Corporation", "Ltd.": "Limited", "Jr.": "Junior", "Sr.": "Senior", "Jan.": "January", "Feb.": "February",
        "Aug.": "August", "Sept.": "September", "Sep.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December",
        "est.": "estimated", "Mt.": "Mount", "Ave.": "Avenue",
    ]

    private static func number(_ text: String) -> String {
        NumberWords.decimal(Substring(text.replacingOccurrences(of: ",", with: ""))) ?? text
    }

    private static let rules: [Rule] = [
        // 2026-11-02 → November second, twenty twenty-six.
        Rule(#"\b(\d{4})-(\d{2})-(\d{2})\b"#) { groups in
            guard let year = Int(groups[1]!), let month = Int(groups[2]!), let day = Int(groups[3]!), (1...12).contains(month),
                (1...31).contains(day)
            else { return nil }
            return "\(months[month - 1]) \(NumberWords.ordinal(day)), \(NumberWords.year(year))"
        },
        // $48 million → forty-eight million dollars; €3.5bn → three point five billion euros; $1.50 → one dollar and fifty cents.
        Rule(#"(?<![A-Za-z])(US|A|C|NZ|HK)?([$€£¥])\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?"#) { groups in
            guard let symbol = groups[2], let names = currencies[symbol] else { return nil }
            let prefix = groups[1].map { $0.map(String.init).joined(separator: " ") + " " } ?? ""
            let amount = groups[3]!.replacingOccurrences(of: ",", with: "")
            if let scale = groups[4].flatMap({ scaleWords[$0.lowercased()] }) {
                return number(amount) + " \(scale) \(prefix)\(names.many)"
            }
            let parts = amount.split(separator: ".", omittingEmptySubsequences: false)
            guard let whole = UInt64(parts[0]) else { return nil }
            if parts.count == 2, parts[1].count == 2, let minor = names.minor, let cents = Int(parts[1]) {
                let main = NumberWords.cardinal(whole) + " " + prefix + (whole == 1 ? names.one : names.many)
                return cents == 0 ? main : main + " and \(NumberWords.cardinal(cents)) \(cents == 1 && minor == "cents" ? "cent" : minor)"
            }
            if parts.count == 2 { return number(amount) + " " + prefix + names.many }
            return NumberWords.cardinal(whole) + " " + prefix + (whole == 1 ? names.one : names.many)
        },
        // 1.2% → one point two percent.
        Rule(#"(\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b)"#) { groups in number(groups[1]!) + " percent" },
        // 3rd → third.
        Rule(#"\b(\d{1,9})(?:st|nd|rd|th)\b"#) { groups in Int(groups[1]!).map(NumberWords.ordinal) },
        // 2019–2021 and 2019-21 → twenty nineteen to twenty twenty-one.
        Rule(#"\b(1[1-9]\d\d|20\d\d)\s?[-–]\s?(\d{4}|\d{2})\b"#) { groups in
            guard let first = Int(groups[1]!), var second = Int(groups[2]!) else { return nil }
            if groups[2]!.count == 2 { second += first / 100 * 100 }
            guard second > first, second - first < 200 else { return nil }
            return NumberWords.year(first) + " to " + NumberWords.year(second)
        },
        // 3bn → three billion; 40k → forty thousand.
        Rule(#"\b(\d[\d,]*(?:\.\d+)?)(bn|mn|tn|k)\b"#) { groups in number(groups[1]!) + " " + (scaleWords[groups[2]!] ?? "") },
        // A four-digit number that reads as a year: 2027 → twenty twenty-seven.
        Rule(#"(?<![\d.,$€£])\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d)"#) { groups in Int(groups[1]!).map(NumberWords.year) },
        // 1,200 → one thousand two hundred; 0.5 → zero point five; -3 → minus three.
        Rule(#"(?<![\w.])(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\b"#) { groups in
            let written = groups[2]! + (groups[3] ?? "")
            guard let words = NumberWords.decimal(Substring(written.replacingOccurrences(of: ",", with: ""))) else { return nil }
            return (groups[1] == nil ? "" : "minus ") + words
        },
        // e.g. → for example.
        Rule(#"(?<![\w.])([A-Za-z]{1,6}\.(?:[a-z]\.)?)"#) { groups in abbreviations[groups[1]!] },
        // U.S. → U S; a.m. → A M.
        Rule(#"\b((?:[A-Za-z]\.){2,})(?=\s|$|[,;:)])"#) { groups in
            groups[1]!.filter { $0 != "." }.uppercased().map(String.init).joined(separator: " ")
        },
        // Dr. Lee → Doctor Lee.
        Rule(#"\b([A-Z][a-z]{1,3})\.(?=\s+[A-Z])"#) { groups in titles[groups[1]!] },
        // No. 10 → number ten.
        Rule(#"\bNo\.(?=\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)"#) { _ in "number" },
        // & → and; degrees.
        Rule(#"\s&\s"#) { _ in " and " },
        Rule(#"(?<=\d)\s?°([CF])\b"#) { groups in groups[1] == "C" ? " degrees Celsius" : " degrees Fahrenheit" },
    ]
}
