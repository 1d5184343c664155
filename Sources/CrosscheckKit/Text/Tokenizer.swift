/// A word, number or punctuation mark, with its place in the text.
public struct Token: Sendable, Hashable, Codable {
    /// What kind of token this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case word, number, punctuation
    }

    public var kind: Kind
    /// The token's span in Unicode scalars.
    public var span: TextSpan
    /// The token's text.
    public var text: String

    public init(kind: Kind, span: TextSpan, text: String) {
        self.kind = kind
        self.span = span
        self.text = text
    }
}

/// Splits text into tokens with Unicode scalar offsets.
///
/// Words keep inner apostrophes and hyphens ("don't", "well-known") and dotted abbreviations
/// ("U.S."); numbers keep decimal points and thousands separators ("1,200.50", "3.5").
public struct Tokenizer: Sendable {
    public init() {}

    public func tokens(in text: String) -> [Token] {
        tokens(in: Array(text.unicodeScalars), range: nil)
    }

    /// The tokens of `scalars`, optionally limited to `range`.
    public func tokens(in s: [Unicode.Scalar], range: TextSpan?) -> [Token] {
        let lower = range?.start ?? 0
        let upper = range?.end ?? s.count
        var result: [Token] = []
        var index = lower
        while index < upper {
            let c = s[index]
            if c.isSpace {
                index += 1
                continue
            }
            let start = index
            if Self.isDigit(c) {
                index += 1
                while index < upper {
                    if Self.isDigit(s[index]) {
                        index += 1
                    } else if (s[index] == "." || s[index] == ","), index + 1 < upper, Self.isDigit(s[index + 1]) {
                        index += 1
                    } else {
                        break
                    }
                }
                result.append(make(.number, s, start, index))
            } else if Self.isWordScalar(c) {
                index += 1
                while index < upper {
                    let current = s[index]
                    if Self.isWordScalar(current) || Self.isDigit(current) {
                        index += 1
                    } else if current == "'" || current == "\u{2019}" || current == "-" || current == "." {
                        guard index + 1 < upper, Self.isWordScalar(s[index + 1]) || Self.isDigit(s[index + 1]) else {
                            // "U.S." keeps its final stop when the word is a dotted abbreviation.
                            if current == ".", Self.isDottedSoFar(s, start, index) { index += 1 }
                            break
                        }
                        if current == ".", !Self.isSingleLetterSegment(s, start, index) { break }
                        index += 1
                    } else {
                        break
                    }
                }
                result.append(make(.word, s, start, index))
            } else {
                index += 1
                result.append(make(.punctuation, s, start, index))
            }
        }
        return result
    }

    private func make(_ kind: Token.Kind, _ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Token {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[start..<end])
        return Token(kind: kind, span: TextSpan(start: start, end: end), text: String(view))
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.isDigit }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.isLetter || c.properties.generalCategory == .nonspacingMark
    }

    /// Whether the segment of letters just before `dot` is a single letter ("U" in "U.S").
    static func isSingleLetterSegment(_ s: [Unicode.Scalar], _ start: Int, _ dot: Int) -> Bool {
        dot - 1 >= start && (dot - 1 == start || s[dot - 2] == ".")
    }

    /// Whether `s[start..<dot]` looks like "U.S" (single letters joined by stops).
    static func isDottedSoFar(_ s: [Unicode.Scalar], _ start: Int, _ dot: Int) -> Bool {
        guard dot - start >= 3 else { return false }
        var index = start
        while index < dot {
            guard isWordScalar(s[index]) else { return false }
            if index + 1 < dot, s[index + 1] != "." { return false }
            index += 2
        }
        return true
    }
}
