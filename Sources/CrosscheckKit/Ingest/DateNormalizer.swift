public import Foundation

/// Reads the date formats found on news pages and writes them as ISO 8601.
///
/// Understands ISO 8601 (with or without time and zone), RFC 822 (feeds, HTTP), and written dates
/// such as "March 3, 2026", "3 March 2026, 10:15" or "Mar. 3, 2026 at 4:05 p.m."; "2026.12.04" and
/// "2026/12/04" are read as ISO dates. Numeric dates with the year last ("24/11/2026 14:05",
/// "11/24/2026") are read when the order of day and month is clear from the numbers; "02/12/2026"
/// could be either and is not read (see ``isAmbiguousNumericDate(_:)``).
public enum DateNormalizer {
    /// The ISO 8601 form of `raw`, or `nil` when it cannot be read as a date.
    ///
    /// Dates without a time give `YYYY-MM-DD`; times without a zone are taken as UTC.
    public static func iso8601(_ raw: String) -> String? {
        let text = raw.trimmingASCII()
        guard !text.isEmpty, text.utf8.count < 120 else { return nil }
        if let date = parseISO(text) { return date }
        if let date = parseRFC822(text) { return format(date, withTime: true) }
        if let numeric = numericDate(text) { return numeric.ambiguous ? nil : numeric.iso }
        return parseWritten(withColonTime(text))
    }

    /// "11 Mar 2026 6.31" as "11 Mar 2026 6:31": a time written with a dot after a written date.
    static func withColonTime(_ text: String) -> String {
        guard let space = text.lastIndex(of: " ") else { return text }
        let last = text[text.index(after: space)...]
        let parts = last.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), hour < 24, let minute = Int(parts[1]), minute < 60,
            text[..<space].contains(where: \.isLetter)
        else { return text }
        return text[..<space] + " " + parts[0] + ":" + parts[1]
    }

    /// Whether `raw` is a numeric date whose day and month could be either way round
    /// ("02/12/2026 12:47"): it is a date, but which one the page does not say.
    public static func isAmbiguousNumericDate(_ raw: String) -> Bool {
        numericDate(raw.trimmingASCII())?.ambiguous == true
    }

    /// "24/11/2026", "11/24/2026 2:05 pm", "24.11.2026, 14:05": day and month (in the order the
    /// numbers allow, day first when a number is over 12) and a four-digit year, then perhaps a time.
    private static func numericDate(_ text: String) -> (iso: String, ambiguous: Bool)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < scalars.count, digits < maxDigits, (48...57).contains(scalars[index].value) {
                value = value * 10 + Int(scalars[index].value - 48)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }
        guard let first = number(maxDigits: 2), index < scalars.count, "/.-".unicodeScalars.contains(scalars[index]) else { return nil }
        let separator = scalars[index]
        index += 1
        guard let second = number(maxDigits: 2), index < scalars.count, scalars[index] == separator else { return nil }
        index += 1
        let yearStart = index
        guard let year = number(maxDigits: 4), index - yearStart == 4, year > 1900 else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[index...])).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        let day: Int
        let month: Int
        switch (first > 12, second > 12) {
        case (true, false): (day, month) = (first, second)
        case (false, true): (day, month) = (second, first)
        case (false, false): (day, month) = (first, second)
        case (true, true): return nil
        }
        guard (1...31).contains(day), (1...12).contains(month) else { return nil }
        // Dates written with dots ("02.12.2026") put the day first wherever they are used.
        let ambiguous = first <= 12 && second <= 12 && first != second && separator != "."
        let datePart = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if rest.isEmpty { return (datePart, ambiguous) }
        // The time after the date, as a written date's time is read ("14:05", "2:05 pm").
        guard let withTime = parseWritten("January 1 2000 " + rest), withTime.count > 10 else { return nil }
        return (datePart + withTime.dropFirst(10), ambiguous)
    }

    /// `raw` normalised when it can be read, otherwise `raw` trimmed; `nil` for empty input.
    public static func normalizedOrRaw(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingASCII()
        if trimmed.isEmpty { return nil }
        return iso8601(trimmed) ?? trimmed
    }

    /// Parses a date for comparison, from any form ``iso8601(_:)`` accepts.
    public static func date(_ raw: String) -> Date? {
        guard let iso = iso8601(raw) else { return nil }
        if iso.count == 10 { return try? Date("\(iso)T00:00:00Z", strategy: .iso8601) }
        return try? Date(iso, strategy: .iso8601)
    }

    private static func parseISO(_ text: String) -> String? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for index in range {
                guard b[index] >= 0x30, b[index] <= 0x39 else { return nil }
                value = value * 10 + Int(b[index] - 0x30)
            }
            return value
        }
        // "2026-12-04", and as some sites write it, "2026.12.04" or "2026/12/04".
        guard b.count >= 10, [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")].contains(b[4]), b[7] == b[4],
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day), year > 1000
        else { return nil }
        let datePart = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if b.count == 10 { return datePart }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") else { return nil }
        guard b.count >= 16, b[13] == UInt8(ascii: ":"), let hour = number(11..<13), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return datePart }
        var second = 0
        var index = 16
        if b.count >= 19, b[16] == UInt8(ascii: ":"), let value = number(17..<19) {
            second = value
            index = 19
        }
        while index < b.count, b[index] == UInt8(ascii: ".") || (b[index] >= 0x30 && b[index] <= 0x39) { index += 1 }
        let zone = String(decoding: b[index...], as: UTF8.self).trimmingASCII()
        var zoneText = "Z"
        if let offset = parseOffset(zone), offset != 0 { zoneText = formatOffset(offset) }
        return datePart + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + zoneText
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Zone names news sites print after a time, in minutes east of UTC.
    static let zoneNames: [String: Int] = [
        "UTC": 0, "GMT": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "KST": 540, "JST": 540,
        "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AEST": 600, "AEDT": 660,
        "AST": -240, "ADT": -180, "NST": -210, "NDT": -150,
    ]

    private static func parseOffset(_ zone: String) -> Int? {
        if let name = zone.split(separator: " ").first, let minutes = zoneNames[String(name)] { return minutes }
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let digits = zone.dropFirst().filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
        let minutes = digits.count == 4 ? (value / 100) * 60 + value % 100 : value * 60
        return sign == "-" ? -minutes : minutes
    }

    private static func formatOffset(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        return sign + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
    }

    /// RFC 822/1123 dates as feeds and HTTP write them: "Tue, 03 Mar 2026 09:30:00 GMT".
    private static func parseRFC822(_ text: String) -> Date? {
        guard text.contains(":") else { return nil }
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = parts.first, first.first?.isLetter == true, CalendarNames.months[first.lowercased()] == nil { parts.removeFirst() }
        guard parts.count >= 4, let day = Int(parts[0]), let month = CalendarNames.months[parts[1].lowercased().trimmingASCII(".")],
            var year = Int(parts[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2 else { return nil }
        var offsetMinutes = 0
        if parts.count >= 5 {
            let zone = parts[4].uppercased()
            let named: [String: Int] = [
                "GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
                "MDT": -360, "PST": -480, "PDT": -420, "BST": 60, "CET": 60, "CEST": 120,
            ]
            if let value = named[zone] { offsetMinutes = value } else if let value = parseOffset(zone) { offsetMinutes = value }
        }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = clock[0]
        components.minute = clock[1]
        components.second = clock.count > 2 ? clock[2] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: components).map { $0.addingTimeInterval(TimeInterval(-offsetMinutes * 60)) }
    }

    /// "March 3, 2026", "3 March 2026", "Mar. 3, 2026 at 4:05 p.m.", "Tuesday, March 3, 2026 10:15 AM".
    private static func parseWritten(_ text: String) -> String? {
        let lower = text.lowercased().replacingOccurrences(of: "a.m.", with: "am")
            .replacingOccurrences(of: "p.m.", with: "pm")
        let words = lower.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." })
            .map(String.init)
        var month: Int?
        var day: Int?
        var year: Int?
        var hour: Int?
        var minute = 0
        var zone: Int?
        for (position, word) in words.enumerated() {
            // "7:12 AM AST": a zone the page names.
            if zone == nil, hour != nil, let minutes = zoneNames[word.uppercased()] {
                zone = minutes
                continue
            }
            if month == nil, let value = CalendarNames.months[word] {
                month = value
                continue
            }
            if word.contains(":") {
                let parts = word.split(separator: ":")
                if parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1].prefix(2)), h < 24, m < 60 {
                    hour = h
                    minute = m
                    let suffix = parts[1].dropFirst(2)
                    let next = position + 1 < words.count ? words[position + 1] : ""
                    if suffix == "pm" || next == "pm", h < 12 { hour = h + 12 }
                    if suffix == "am" || next == "am", h == 12 { hour = 0 }
                }
                continue
            }
            let digits =
                word.hasSuffix("st") || word.hasSuffix("nd") || word.hasSuffix("rd") || word.hasSuffix("th")
                ? String(word.dropLast(2)) : word
            guard let number = Int(digits) else { continue }
            if number > 1000, year == nil {
                year = number
            } else if number >= 1, number <= 31, day == nil {
                day = number
            }
        }
        guard let month, let day, let year else { return nil }
        let datePart = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let hour else { return datePart }
        let zoneText = zone.map { $0 == 0 ? "Z" : formatOffset($0) } ?? "Z"
        return datePart + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":00" + zoneText
    }

    private static func format(_ date: Date, withTime: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let datePart = pad(c.year ?? 0, 4) + "-" + pad(c.month ?? 0, 2) + "-" + pad(c.day ?? 0, 2)
        guard withTime else { return datePart }
        return datePart + "T" + pad(c.hour ?? 0, 2) + ":" + pad(c.minute ?? 0, 2) + ":" + pad(c.second ?? 0, 2) + "Z"
    }
}
