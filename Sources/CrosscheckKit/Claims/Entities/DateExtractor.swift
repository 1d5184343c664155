public import Foundation

/// Finds dates and times: "March 3, 2026", "3 March 2026", "2026-03-03", "March 2026", "in 2024",
/// "on Tuesday", "yesterday". Weekdays and relative days are resolved against the article's
/// publication date when it is known.
public struct DateExtractor: Sendable {
    /// The publication date relative expressions are resolved against.
    public var reference: Date?

    public init(reference: Date? = nil) {
        self.reference = reference
    }

    public func dates(in scalars: [Unicode.Scalar], span: TextSpan) -> [DateMention] {
        let tokens = Tokenizer().tokens(in: scalars, range: span)
        var result: [DateMention] = []
        var index = 0
        func add(_ from: Int, _ to: Int, _ value: String?) {
            let mention = DateMention(
                text: scalars.text(TextSpan(start: tokens[from].span.start, end: tokens[to - 1].span.end)), value: value,
                start: tokens[from].span.start, end: tokens[to - 1].span.end)
            result.append(mention)
            index = to
        }
        while index < tokens.count {
            let word = tokens[index].text.lowercased().trimmingASCII(".")
            // ISO dates arrive as number, "-", number, "-", number.
            if tokens[index].kind == .number, QuantityExtractor.isYear(tokens[index].text), index + 4 < tokens.count,
                tokens[index + 1].text == "-", tokens[index + 3].text == "-",
                let iso = DateNormalizer.iso8601(scalars.text(TextSpan(start: tokens[index].span.start, end: tokens[index + 4].span.end)))
            {
                add(index, index + 5, iso)
                continue
            }
            if let month = CalendarNames.months[word], word.count >= 3 || tokens[index].text.hasSuffix(".") {
                guard word != "may" || (index + 1 < tokens.count && tokens[index + 1].kind == .number) else {
                    index += 1
                    continue
                }
                var end = index + 1
                var day: Int?
                var year: Int?
                if end < tokens.count, tokens[end].kind == .number, let value = Int(tokens[end].text), (1...31).contains(value) {
                    day = value
                    end += 1
                    if end < tokens.count, tokens[end].text == "," { end += 1 }
                }
                if end < tokens.count, tokens[end].kind == .number, QuantityExtractor.isYear(tokens[end].text) {
                    year = Int(tokens[end].text)
                    end += 1
                } else if day != nil, end > index + 1, tokens[end - 1].text == "," {
                    end -= 1
                }
                // "3 March 2026"
                var start = index
                if day == nil, index > 0, tokens[index - 1].kind == .number, let value = Int(tokens[index - 1].text),
                    (1...31).contains(value)
                {
                    day = value
                    start = index - 1
                }
                let value: String?
                if let year, let day {
                    value = DateNormalizer.pad(year, 4) + "-" + DateNormalizer.pad(month, 2) + "-" + DateNormalizer.pad(day, 2)
                } else if let year {
                    value = DateNormalizer.pad(year, 4) + "-" + DateNormalizer.pad(month, 2)
                } else if let day, let resolved = resolve(month: month, day: day) {
                    value = resolved
                } else {
                    value = nil
                }
                if start < index { result.removeAll { $0.start == tokens[start].span.start } }
                add(start, end, value)
                continue
            }
            if let weekday = CalendarNames.weekdays[word] {
                add(index, index + 1, resolve(weekday: weekday))
                continue
            }
            if ["last", "next", "this", "earlier", "later"].contains(word), index + 1 < tokens.count,
                Self.relativeUnits.contains(tokens[index + 1].text.lowercased())
            {
                let unit = tokens[index + 1].text.lowercased()
                var value: String?
                if unit == "year", let reference {
                    let year = calendar.component(.year, from: reference) + (word == "last" ? -1 : word == "next" ? 1 : 0)
                    value = String(year)
                }
                add(index, index + 2, value)
                continue
            }
            if ["yesterday", "today", "tomorrow"].contains(word) {
                add(index, index + 1, resolve(relativeDays: word == "yesterday" ? -1 : word == "today" ? 0 : 1))
                continue
            }
            if tokens[index].kind == .number, QuantityExtractor.isYear(tokens[index].text), index > 0,
                Self.yearPrepositions.contains(tokens[index - 1].text.lowercased())
            {
                add(index, index + 1, tokens[index].text)
                continue
            }
            index += 1
        }
        return result
    }

    static let relativeUnits: Set<String> = [
        "year", "month", "week", "weekend", "autumn", "fall", "spring", "summer", "winter", "decade", "night",
        "morning", "evening", "quarter", "season", "century",
    ]

    static let yearPrepositions: Set<String> = [
        "in", "since", "by", "until", "till", "before", "after", "from", "of", "to", "during", "through", "and",
        "around", "circa", "late", "early", "mid",
    ]

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }

    private func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return DateNormalizer.pad(c.year ?? 0, 4) + "-" + DateNormalizer.pad(c.month ?? 0, 2) + "-" + DateNormalizer.pad(c.day ?? 0, 2)
    }

    /// The last `weekday` on or before the reference date.
    private func resolve(weekday: Int) -> String? {
        guard let reference else { return nil }
        let current = calendar.component(.weekday, from: reference)
        let back = (current - weekday + 7) % 7
        return calendar.date(byAdding: .day, value: -back, to: reference).map(format)
    }

    private func resolve(relativeDays: Int) -> String? {
        guard let reference else { return nil }
        return calendar.date(byAdding: .day, value: relativeDays, to: reference).map(format)
    }

    /// A month and day in the reference date's year.
    private func resolve(month: Int, day: Int) -> String? {
        guard let reference else { return nil }
        let year = calendar.component(.year, from: reference)
        return DateNormalizer.pad(year, 4) + "-" + DateNormalizer.pad(month, 2) + "-" + DateNormalizer.pad(day, 2)
    }
}
