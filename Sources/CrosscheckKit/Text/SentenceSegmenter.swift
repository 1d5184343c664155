/// Splits text into sentences, as spans of Unicode scalars.
///
/// Sentences never cross a blank line. A full stop does not end a sentence after a title or other
/// abbreviation ("Dr.", "No.", "e.g."), an initial ("John F. Kennedy"), inside a number ("3.5",
/// "1,200.50"), or after a list number that opens a line ("1. The first"). "U.S." and similar end a
/// sentence only when a common sentence opener follows. Terminators inside a balanced double
/// quotation do not end the sentence, so a quote that spans sentences stays with its attribution.
public struct SentenceSegmenter: Sendable {
    public init() {}

    /// The sentence spans of `text`, in order, trimmed of white space.
    public func sentences(in text: String) -> [TextSpan] {
        sentences(in: Array(text.unicodeScalars))
    }

    /// The sentence spans of a scalar array, in order, trimmed of white space.
    public func sentences(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        for block in blocks(scalars) {
            segment(scalars, block, into: &result)
        }
        return result
    }

    /// Ranges between blank lines.
    func blocks(_ scalars: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\n" {
                var next = index + 1
                while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\r" {
                    next += 1
                }
                if next < scalars.count, scalars[next] == "\n" {
                    result.append(TextSpan(start: start, end: index))
                    while next < scalars.count, scalars[next].isSpace { next += 1 }
                    start = next
                    index = next
                    continue
                }
            }
            index += 1
        }
        result.append(TextSpan(start: start, end: scalars.count))
        return result
    }

    private func segment(_ s: [Unicode.Scalar], _ block: TextSpan, into result: inout [TextSpan]) {
        let quotesBalanced = Self.quotesBalanced(s, block)
        var sentenceStart = block.start
        var inQuote = false
        var index = block.start
        while index < block.end {
            let c = s[index]
            if quotesBalanced {
                if c == "\u{201C}" || c == "\u{00AB}" {
                    inQuote = true
                } else if c == "\u{201D}" || c == "\u{00BB}" {
                    inQuote = false
                } else if c == "\"" {
                    inQuote.toggle()
                }
            }
            guard Self.isTerminator(c) else {
                index += 1
                continue
            }
            // Extend over runs of terminators and closing quotes or brackets.
            var end = index + 1
            while end < block.end, Self.isTerminator(s[end]) { end += 1 }
            var closesQuote = false
            while end < block.end, Self.isCloser(s[end]) {
                if s[end] == "\"" || s[end] == "\u{201D}" || s[end] == "\u{00BB}" { closesQuote = true }
                end += 1
            }
            if inQuote && !closesQuote {
                index = end
                continue
            }
            if closesQuote { inQuote = false }
            if isBoundary(s, terminator: index, after: end, block: block, sentenceStart: sentenceStart) {
                append(s, TextSpan(start: sentenceStart, end: end), into: &result)
                sentenceStart = end
            }
            index = end
        }
        append(s, TextSpan(start: sentenceStart, end: block.end), into: &result)
    }

    private func append(_ s: [Unicode.Scalar], _ span: TextSpan, into result: inout [TextSpan]) {
        var start = span.start
        var end = span.end
        while start < end, s[start].isSpace { start += 1 }
        while end > start, s[end - 1].isSpace { end -= 1 }
        if start < end { result.append(TextSpan(start: start, end: end)) }
    }

    private func isBoundary(
        _ s: [Unicode.Scalar], terminator: Int, after end: Int, block: TextSpan, sentenceStart: Int
    ) -> Bool {
        if end >= block.end { return true }
        guard s[end].isSpace else { return false }
        var next = end
        while next < block.end, s[next].isSpace { next += 1 }
        if next >= block.end { return true }
        let following = s[next]
        let startsLikeSentence =
            following.isUpper || Self.isOpener(following)
            || following.isDigit
        let lowerFollows = following.isLower
        let terminatorScalar = s[terminator]
        if terminatorScalar == "?" || terminatorScalar == "!" { return !lowerFollows }
        if terminatorScalar == "\u{2026}" || (terminator > 0 && s[terminator - 1] == ".") {
            return following.isUpper
        }
        guard startsLikeSentence else { return false }
        // A full stop: look at the word before it.
        let word = Self.word(before: terminator, in: s, from: sentenceStart)
        let lower = word.lowercased()
        if lower.isEmpty { return true }
        if Abbreviations.prefixes.contains(lower) { return false }
        if word.unicodeScalars.count == 1, let first = word.unicodeScalars.first, first.isUpper {
            return false  // an initial
        }
        if Abbreviations.ambiguous.contains(lower) || Self.isDottedAbbreviation(word) {
            let nextWord = Self.word(startingAt: next, in: s, until: block.end).lowercased()
            return Abbreviations.sentenceOpeners.contains(nextWord)
        }
        // "1. The first item" at the start of a sentence is a list number.
        if word.count <= 2, word.allSatisfy(\.isNumber),
            Self.word(startingAt: sentenceStart, in: s, until: terminator) == word
        {
            return false
        }
        return true
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "\u{2026}"
    }

    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || c == "\u{201D}" || c == "\u{2019}" || c == ")" || c == "]" || c == "\u{00BB}"
    }

    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || c == "\u{201C}" || c == "\u{2018}" || c == "(" || c == "[" || c == "\u{00AB}"
    }

    /// "U.S", "e.g", "Ph.D": letters with inner full stops.
    static func isDottedAbbreviation(_ word: String) -> Bool {
        word.contains(".") && word.split(separator: ".").allSatisfy { $0.count <= 2 && $0.allSatisfy(\.isLetter) }
    }

    /// Whether the straight and curly double quotes of a block pair up.
    static func quotesBalanced(_ s: [Unicode.Scalar], _ block: TextSpan) -> Bool {
        var straight = 0
        var open = 0
        var close = 0
        for index in block.start..<block.end {
            switch s[index] {
            case "\"": straight += 1
            case "\u{201C}", "\u{00AB}": open += 1
            case "\u{201D}", "\u{00BB}": close += 1
            default: break
            }
        }
        return straight % 2 == 0 && open == close
    }

    /// The word (letters, digits, inner full stops and apostrophes) that ends just before `index`.
    static func word(before index: Int, in s: [Unicode.Scalar], from lowerBound: Int) -> String {
        var start = index
        while start > lowerBound {
            let c = s[start - 1]
            if c.isLetter || c.isDigit || c == "." || c == "'" || c == "\u{2019}" {
                start -= 1
            } else {
                break
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[start..<index])
        return String(view).trimmingLeadingDots()
    }

    /// The word that starts at `index`, skipping opening quotes.
    static func word(startingAt index: Int, in s: [Unicode.Scalar], until upperBound: Int) -> String {
        var start = index
        while start < upperBound, isOpener(s[start]) || s[start].isSpace { start += 1 }
        var end = start
        while end < upperBound, s[end].isLetter || s[end].isDigit { end += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[start..<end])
        return String(view)
    }
}

extension String {
    fileprivate func trimmingLeadingDots() -> String {
        var result = Substring(self)
        while result.first == "." { result = result.dropFirst() }
        return String(result)
    }
}
