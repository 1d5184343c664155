extension Unicode.Scalar {
    /// White space, with a fast path for ASCII.
    @inlinable
    public var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    /// A letter (alphabetic), with a fast path for ASCII.
    @inlinable
    public var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// An upper-case letter, with a fast path for ASCII.
    @inlinable
    public var isUpper: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }

    /// A lower-case letter, with a fast path for ASCII.
    @inlinable
    public var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }

    /// A decimal digit, with a fast path for ASCII.
    @inlinable
    public var isDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType == .decimal
    }
}

extension String {
    /// The number of Unicode scalars that are not ASCII white space: a cheap measure of text length.
    @inlinable
    public var visibleScalarCount: Int {
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 && !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
            count += 1
        }
        return count
    }
}
