/// A text's words as a word tagger reads them: split at whitespace (and control and format
/// characters), each punctuation character a word of its own — BERT's basic split, kept as spans
/// of the original text. `scripts/train-attribution/train.py` splits the same way.
public enum TextWords {
    /// The span of each word, in Unicode scalars of `scalars`.
    public static func spans(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if isSpace(scalar) {
                if let open = start { result.append(open..<index) }
                start = nil
            } else if isPunctuation(scalar) {
                if let open = start { result.append(open..<index) }
                start = nil
                result.append(index..<(index + 1))
            } else if start == nil {
                start = index
            }
        }
        if let open = start { result.append(open..<scalars.count) }
        return result
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }
}
