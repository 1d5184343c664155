/// A named thing mentioned in the text.
public struct EntityMention: Sendable, Hashable, Codable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case person, organization, place, document, other
    }

    public var text: String
    public var kind: Kind
    /// Span in the article text, in Unicode scalars.
    public var start: Int
    public var end: Int
    /// A title that preceded a person's name ("Mayor", "Dr."), kept apart from the name.
    public var title: String?

    public init(text: String, kind: Kind, start: Int, end: Int, title: String? = nil) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.title = title
    }
}

/// A number with its unit and how exact it is.
public struct QuantityMention: Sendable, Hashable, Codable {
    /// How the text qualifies the number.
    public enum Approximation: String, Sendable, Hashable, Codable {
        case exact, about, moreThan = "more_than", lessThan = "less_than", atLeast = "at_least", atMost = "at_most"
    }

    public var text: String
    /// The value, with multipliers applied and percentages as fractions (1.2% is 0.012).
    public var value: Double
    /// `percent`, `percentage_points`, `USD`, `EUR`, `GBP`, or the counted noun ("months", "cables").
    public var unit: String?
    public var approximation: Approximation
    public var start: Int
    public var end: Int
    /// For paired counts ("7 to 2", "5-4"), the second number.
    public var secondValue: Double?

    public init(
        text: String, value: Double, unit: String?, approximation: Approximation, start: Int, end: Int,
        secondValue: Double? = nil
    ) {
        self.text = text
        self.value = value
        self.unit = unit
        self.approximation = approximation
        self.start = start
        self.end = end
        self.secondValue = secondValue
    }
}

/// A date or time expression, normalised where it can be.
public struct DateMention: Sendable, Hashable, Codable {
    public var text: String
    /// ISO 8601 (`2026-03-03`, `2026-03`, `2026`) when the text fixes it, else `nil`.
    public var value: String?
    public var start: Int
    public var end: Int

    public init(text: String, value: String?, start: Int, end: Int) {
        self.text = text
        self.value = value
        self.start = start
        self.end = end
    }
}
