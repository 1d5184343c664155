public import Foundation

/// Reads the date formats found on news pages and writes them as ISO 8601.
///
/// Understands ISO 8601 (with or without time and zone), RFC 822 (feeds, HTTP), and written dates
/// such as "March 3, 2026", "3 March 2026, 10:15" or "Mar. 3, 2026 at 4:05 p.m.".
public enum DateNormalizer {
    /// The ISO 8601 form of `raw`, or `nil` when it cannot be read as a date.
    ///
    /// Dates without a time give `YYYY-MM-DD`; times without a zone are taken as UTC.
    public static func iso8601(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count < 80 else { return nil }
        if let date = parseISO(text) { return date }
        if let date = parseRFC822(text) { return format(date, withTime: true) }
        return parseWritten(text)
    }

    /// `raw` normalised when it can be read, otherwise `raw` trimmed; `nil` for empty input.
    public static func normalizedOrRaw(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
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
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
            let year = Int(String(String.UnicodeScalarView(scalars[0..<4]))),
            let month = Int(String(String.UnicodeScalarView(scalars[5..<7]))),
            let day = Int(String(String.UnicodeScalarView(scalars[8..<10]))),
            (1...12).contains(month), (1...31).contains(day), year > 1000
        else { return nil }
        let datePart = String(format: "%04d-%02d-%02d", year, month, day)
        if scalars.count == 10 { return datePart }
        let rest = String(String.UnicodeScalarView(scalars[10...]))
        guard rest.first == "T" || rest.first == " " else { return nil }
        let time = rest.dropFirst()
        let timeScalars = Array(time.unicodeScalars)
        guard timeScalars.count >= 5, timeScalars[2] == ":",
            let hour = Int(String(String.UnicodeScalarView(timeScalars[0..<2]))),
            let minute = Int(String(String.UnicodeScalarView(timeScalars[3..<5])))
        else { return datePart }
        var second = 0
        var index = 5
        if timeScalars.count >= 8, timeScalars[5] == ":",
            let value = Int(String(String.UnicodeScalarView(timeScalars[6..<8])))
        {
            second = value
            index = 8
        }
        while index < timeScalars.count, timeScalars[index] == "." || ("0"..."9").contains(timeScalars[index]) {
            index += 1
        }
        let zone = String(String.UnicodeScalarView(timeScalars[index...])).trimmingCharacters(in: .whitespaces)
        var zoneText = "Z"
        if zone.isEmpty || zone == "Z" || zone.uppercased() == "UTC" || zone.uppercased() == "GMT" {
            zoneText = "Z"
        } else if let offset = parseOffset(zone) {
            zoneText = offset == 0 ? "Z" : formatOffset(offset)
        }
        return datePart + String(format: "T%02d:%02d:%02d", hour, minute, second) + zoneText
    }

    private static func parseOffset(_ zone: String) -> Int? {
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let digits = zone.dropFirst().filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
        let minutes = digits.count == 4 ? (value / 100) * 60 + value % 100 : value * 60
        return sign == "-" ? -minutes : minutes
    }

    private static func formatOffset(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        return String(format: "%@%02d:%02d", sign, abs(minutes) / 60, abs(minutes) % 60)
    }

    private static func parseRFC822(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        for format in [
            "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z",
            "EEE, d MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm zzz",
        ] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

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
        for (position, word) in words.enumerated() {
            if month == nil, let value = months[word] {
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
            let digits = word.hasSuffix("st") || word.hasSuffix("nd") || word.hasSuffix("rd") || word.hasSuffix("th")
                ? String(word.dropLast(2)) : word
            guard let number = Int(digits) else { continue }
            if number > 1000, year == nil {
                year = number
            } else if number >= 1, number <= 31, day == nil {
                day = number
            }
        }
        guard let month, let day, let year else { return nil }
        let datePart = String(format: "%04d-%02d-%02d", year, month, day)
        guard let hour else { return datePart }
        return datePart + String(format: "T%02d:%02d:00Z", hour, minute)
    }

    private static func format(_ date: Date, withTime: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let datePart = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        guard withTime else { return datePart }
        return datePart + String(format: "T%02d:%02d:%02dZ", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
