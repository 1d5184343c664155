/// English words for numbers, as a newsreader says them: cardinals, ordinals, years and decimals.
enum NumberWords {
    private static let ones = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let scales: [(UInt64, String)] = [
        (1_000_000_000_000_000, "quadrillion"), (1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"),
        (1_000, "thousand"),
    ]

    /// "forty-two", "one thousand two hundred", "minus three".
    static func cardinal(_ value: Int) -> String {
        value < 0 ? "minus " + cardinal(UInt64(value.magnitude)) : cardinal(UInt64(value))
    }

    static func cardinal(_ value: UInt64) -> String {
        if value < 1000 { return belowThousand(Int(value)) }
        var rest = value
        var parts: [String] = []
        for (scale, name) in scales where rest >= scale {
            parts.append(cardinal(rest / scale) + " " + name)
            rest %= scale
        }
        if rest > 0 { parts.append(belowThousand(Int(rest))) }
        return parts.joined(separator: " ")
    }

    private static func belowHundred(_ value: Int) -> String {
        if value < 20 { return ones[value] }
        return tens[value / 10] + (value % 10 == 0 ? "" : "-" + ones[value % 10])
    }

    private static func belowThousand(_ value: Int) -> String {
        guard value >= 100 else { return belowHundred(value) }
        let hundreds = ones[value / 100] + " hundred"
        return value % 100 == 0 ? hundreds : hundreds + " " + belowHundred(value % 100)
    }

    /// "first", "twenty-second", "one hundredth".
    static func ordinal(_ value: Int) -> String {
        let words = cardinal(value)
        let irregular = ["one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth", "twelve": "twelfth"]
        let split = words.lastIndex { $0 == " " || $0 == "-" }.map { words.index(after: $0) } ?? words.startIndex
        let head = words[..<split]
        let last = String(words[split...])
        if let word = irregular[last] { return head + word }
        if last.hasSuffix("y") { return head + last.dropLast() + "ieth" }
        return head + last + "th"
    }

    /// A year as said aloud: "nineteen ninety-nine", "two thousand five", "twenty twenty-seven".
    static func year(_ value: Int) -> String {
        guard (1100...2999).contains(value), !(2000...2009).contains(value) else { return cardinal(value) }
        let century = value / 100
        let rest = value % 100
        if rest == 0 { return belowHundred(century) + " hundred" }
        return belowHundred(century) + " " + (rest < 10 ? "oh " + ones[rest] : belowHundred(rest))
    }

    /// A decimal written with digits ("1.25" → "one point two five"); `nil` when `text` is not one.
    static func decimal(_ text: Substring) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = UInt64(parts[0].filter { $0 != "," }) else { return nil }
        var words = cardinal(whole)
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            words += " point " + parts[1].map { ones[Int(String($0))!] }.joined(separator: " ")
        }
        return words
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
