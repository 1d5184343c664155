/// Intervals as people write them: "15m", "1h", "30s", "2d" (a bare number is seconds).
public enum Interval {
    /// The interval in seconds, or `nil` when `text` is not one.
    public static func seconds(_ text: String) -> Int? {
        let lower = text.lowercased().trimmingASCII()
        let digits = lower.prefix { $0.isNumber }
        guard let value = Int(digits), value > 0 else { return nil }
        switch lower.dropFirst(digits.count) {
        case "", "s": return value
        case "m", "min": return value * 60
        case "h": return value * 3600
        case "d": return value * 86_400
        default: return nil
        }
    }
}
