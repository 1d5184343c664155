/// Intervals as people write them: "15m", "1h", "30s", "2d" (a bare number is seconds).
public enum Interval {
    /// The longest interval accepted: a year.
    public static let maximum = 366 * 86_400

    /// The interval in seconds, or `nil` when `text` is not one.
    public static func seconds(_ text: String) -> Int? {
        let lower = text.lowercased().trimmingASCII()
        let digits = lower.prefix { $0.isNumber }
        guard let value = Int(digits), value > 0 else { return nil }
        let unit: Int
        switch lower.dropFirst(digits.count) {
        case "", "s": unit = 1
        case "m", "min": unit = 60
        case "h": unit = 3600
        case "d": unit = 86_400
        default: return nil
        }
        // At most a year: a longer interval is a typing slip, and a huge one would overflow.
        let (seconds, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow, seconds <= maximum else { return nil }
        return seconds
    }
}
