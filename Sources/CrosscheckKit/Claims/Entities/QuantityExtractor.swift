/// Finds numbers with their units and qualifiers: "$48 million", "about 18 months", "1.2%",
/// "40 percent", "over 10,000", "about a third", "doubled"-free counts such as "a vote of 7 to 2".
public struct QuantityExtractor: Sendable {
    public init() {}

    public func quantities(in scalars: [Unicode.Scalar], span: TextSpan) -> [QuantityMention] {
        let tokens = Tokenizer().tokens(in: scalars, range: span)
        var result: [QuantityMention] = []
        var index = 0
        while index < tokens.count {
            guard let (value, consumed) = number(at: index, tokens) else {
                index += 1
                continue
            }
            var start = index
            var end = index + consumed
            var amount = value
            var unit: String?
            // Currency before the number.
            if start > 0, let currency = Self.currencySymbols[tokens[start - 1].text] {
                unit = currency
                start -= 1
            }
            // Multipliers and units after it.
            if end < tokens.count, let multiplier = Lexicon.multipliers[tokens[end].text.lowercased()],
                tokens[end].text.count > 1 || tokens[end].span.start == tokens[end - 1].span.end
            {
                amount *= multiplier
                end += 1
            }
            var second: Double?
            if end < tokens.count {
                let word = tokens[end].text.lowercased()
                if word == "%" {
                    amount /= 100
                    unit = "percent"
                    end += 1
                } else if word == "percent" || word == "pct" {
                    amount /= 100
                    unit = "percent"
                    end += 1
                } else if word == "per", end + 1 < tokens.count, tokens[end + 1].text.lowercased() == "cent" {
                    amount /= 100
                    unit = "percent"
                    end += 2
                } else if word == "percentage", end + 1 < tokens.count, tokens[end + 1].text.lowercased().hasPrefix("point") {
                    unit = "percentage_points"
                    end += 2
                } else if let currency = Self.currencyWords[word], unit == nil {
                    unit = currency
                    end += 1
                } else if (word == "to" || word == "-" || word == "–"), end + 1 < tokens.count,
                    let (other, otherConsumed) = number(at: end + 1, tokens), unit == nil, value < 1000, other < 1000
                {
                    // "7 to 2", "5-4": a paired count (votes, scores).
                    second = other
                    end += 1 + otherConsumed
                    unit = "count_pair"
                } else if unit == nil, tokens[end].kind == .word, tokens[end].text.unicodeScalars.first?.isLower == true,
                    !Self.notUnits.contains(word)
                {
                    unit = word
                    end += 1
                    // "62 steel cables": take a following plural noun too.
                    if !word.hasSuffix("s"), end < tokens.count, tokens[end].kind == .word,
                        tokens[end].text.unicodeScalars.first?.isLower == true, tokens[end].text.hasSuffix("s"),
                        !Self.notUnits.contains(tokens[end].text.lowercased())
                    {
                        unit = word + " " + tokens[end].text.lowercased()
                        end += 1
                    }
                }
            }
            // A four-digit year is a date, not a quantity ("in 2024", "a 1968 bridge"), and a number
            // after a capitalised word is part of a name ("Route 9", "Article 4").
            let isMoney = unit.map { Self.currencySymbols.values.contains($0) } ?? false
            if consumed == 1, tokens[index].kind == .number, Self.isYear(tokens[index].text), !isMoney,
                unit != "percent", amount == value
            {
                index = index + 1
                continue
            }
            if index > 0, start == index, tokens[index].kind == .number, tokens[index - 1].kind == .word,
                tokens[index - 1].text.unicodeScalars.first?.isUpper == true,
                !CalendarNames.months.keys.contains(tokens[index - 1].text.lowercased()),
                !Lexicon.commonCapitalised.contains(tokens[index - 1].text.lowercased()),
                !Lexicon.approximations.contains(where: { $0.0.last == tokens[index - 1].text.lowercased() })
            {
                index = index + 1
                continue
            }
            // Approximation words before.
            var approximation = QuantityMention.Approximation.exact
            for (words, kind) in Lexicon.approximations where start >= words.count {
                let before = tokens[(start - words.count)..<start].map { $0.text.lowercased() }
                if before == words {
                    approximation = kind
                    start -= words.count
                    break
                }
            }
            let text = scalars.text(TextSpan(start: tokens[start].span.start, end: tokens[end - 1].span.end))
            result.append(
                QuantityMention(
                    text: text, value: amount, unit: unit, approximation: approximation, start: tokens[start].span.start,
                    end: tokens[end - 1].span.end, secondValue: second))
            index = end
        }
        return result
    }

    /// A number starting at `index`: digits ("41,000", "3.5"), words ("eighteen", "a third",
    /// "two thirds"), or a multiplier word alone ("a million"). Returns its value and token count.
    func number(at index: Int, _ tokens: [Token]) -> (Double, Int)? {
        let token = tokens[index]
        if token.kind == .number {
            let digits = token.text.filter { $0 != "," }
            guard let value = Double(digits) else { return nil }
            return (value, 1)
        }
        let word = token.text.lowercased()
        if word == "a" || word == "one", index + 1 < tokens.count {
            let next = tokens[index + 1].text.lowercased()
            if let fraction = Lexicon.fractionWords[next] { return (fraction, 2) }
            if let multiplier = Lexicon.multipliers[next], next.count > 1 { return (multiplier, 2) }
            if next == "dozen" { return (12, 2) }
        }
        if let value = Lexicon.numberWords[word] {
            if index + 1 < tokens.count, let fraction = Lexicon.fractionWords[tokens[index + 1].text.lowercased()], value < 10 {
                return (value * fraction, 2)  // "two thirds"
            }
            // "twenty-five" arrives as one word with a hyphen.
            return (value, 1)
        }
        if word.contains("-") {
            let parts = word.split(separator: "-").map(String.init)
            if parts.count == 2, let tens = Lexicon.numberWords[parts[0]], let ones = Lexicon.numberWords[parts[1]], tens >= 20, ones < 10 {
                return (tens + ones, 1)
            }
        }
        return nil
    }

    static func isYear(_ text: String) -> Bool {
        guard text.count == 4, let value = Int(text) else { return false }
        return (1800...2100).contains(value)
    }

    static let currencySymbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"]
    static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY", "rupees": "INR",
    ]
    /// Lower-case words after a number that are not its unit.
    static let notUnits: Set<String> = [
        "and", "or", "to", "the", "a", "an", "in", "on", "at", "of", "for", "by", "from", "with", "that", "which",
        "who", "was", "were", "is", "are", "be", "has", "have", "had", "will", "would", "said", "says", "as",
        "than", "but", "so", "if", "when", "while", "after", "before", "since", "until", "this", "it", "its",
        "per", "into", "onto", "over", "under", "about", "against", "between", "out", "up", "down", "off",
        "during", "across", "each", "through", "within", "without", "among", "toward", "towards", "because",
        "not", "no", "all", "more", "less", "most", "other", "such", "can", "could", "should", "may", "might",
        "must", "did", "do", "does", "been", "being", "am", "his", "her", "their", "our", "my", "your", "them",
        "there", "here", "then", "also", "only", "just", "even", "still", "yet", "ago", "later", "earlier",
    ]
}
