/// Tidies the spans of quotations after the tagger and the rules have found them, so that each is
/// one relation with its marks:
///
/// - a span never runs over a paragraph break (a piece of fewer than two words is dropped);
/// - a span that starts or ends a few characters inside a pair of quotation marks reaches the mark;
/// - a quotation followed by its attribution ("“…,” Trump told the crowd") ends at its closing mark;
/// - a quotation interrupted by its attribution ("“…,” he said, “…”") is one relation, however long
///   the attribution, as long as the two pieces share a paragraph and nothing else is quoted between.
///
/// A quotation's kind follows its span: marks at both ends make it `direct`, marks inside `partial`.
enum QuoteSpans {
    static let opening: Set<Unicode.Scalar> = ["\"", "“", "„", "«"]
    static let closing: Set<Unicode.Scalar> = ["\"", "”", "»"]
    static let marks = opening.union(closing)

    /// `items` (in text order) with the four rules applied, in text order.
    static func tidied(_ items: [SpeechExtraction.Item], scalars: [Unicode.Scalar]) -> [SpeechExtraction.Item] {
        let pairs = markPairs(scalars)
        let shaped = splitAtParagraphs(items, scalars: scalars).map { item -> SpeechExtraction.Item in
            guard item.kind != .indirect else { return item }
            var item = reachingMarks(item, pairs: pairs, scalars: scalars)
            item = endingBeforeAttribution(item, scalars: scalars)
            item.kind = kind(of: scalars[item.start..<item.end])
            return item
        }
        return joiningInterrupted(shaped.sorted { ($0.start, $0.end) < ($1.start, $1.end) }, scalars: scalars)
    }

    /// `direct` when the span opens and closes with a mark, `partial` when it holds one elsewhere.
    static func kind(of span: ArraySlice<Unicode.Scalar>) -> Quotation.Kind {
        let visible = span.filter { !$0.properties.isWhitespace }
        guard let first = visible.first, let last = visible.last else { return .indirect }
        if marks.contains(first), marks.contains(last), visible.count > 1 { return .direct }
        return visible.contains(where: marks.contains) ? .partial : .indirect
    }

    /// The pairs of quotation marks of each paragraph: curly marks open and close, a straight mark
    /// alternates.
    static func markPairs(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var pairs: [Range<Int>] = []
        var curly: Int?
        var straight: Int?
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n": (curly, straight) = (nil, nil)
            case "“", "«", "„": curly = index
            case "”", "»":
                if let open = curly { pairs.append(open..<index + 1) }
                curly = nil
            case "\"":
                if let open = straight {
                    pairs.append(open..<index + 1)
                    straight = nil
                } else {
                    straight = index
                }
            default: break
            }
        }
        return pairs
    }

    /// Each quotation cut at its paragraph breaks; pieces of fewer than two words are dropped.
    static func splitAtParagraphs(_ items: [SpeechExtraction.Item], scalars: [Unicode.Scalar]) -> [SpeechExtraction.Item] {
        items.flatMap { item -> [SpeechExtraction.Item] in
            guard item.kind != .indirect else { return [item] }
            let span = scalars[item.start..<item.end]
            guard let firstVisible = span.firstIndex(where: { !$0.properties.isWhitespace }),
                let lastVisible = span.lastIndex(where: { !$0.properties.isWhitespace }),
                scalars[firstVisible...lastVisible].contains("\n")
            else { return [item] }
            var pieces: [SpeechExtraction.Item] = []
            var start = item.start
            for index in item.start...item.end where index == item.end || scalars[index] == "\n" {
                var (from, to) = (start, index)
                while from < to, scalars[from].properties.isWhitespace { from += 1 }
                while to > from, scalars[to - 1].properties.isWhitespace { to -= 1 }
                if words(in: scalars[from..<to]) >= 2 {
                    pieces.append(SpeechExtraction.Item(start: from, end: to, speaker: item.speaker, kind: item.kind))
                }
                start = index + 1
            }
            return pieces
        }
    }

    static func words(in span: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var inWord = false
        for scalar in span {
            let letter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if letter, !inWord { count += 1 }
            inWord = letter
        }
        return count
    }

    /// A span that starts or ends at most three characters inside a pair of marks, with only
    /// spaces or punctuation between, reaches the mark.
    static func reachingMarks(_ item: SpeechExtraction.Item, pairs: [Range<Int>], scalars: [Unicode.Scalar]) -> SpeechExtraction.Item {
        var item = item
        for pair in pairs {
            let open = pair.lowerBound
            let close = pair.upperBound
            if open < item.start, item.start < close, item.start - open <= 3,
                scalars[(open + 1)..<item.start].allSatisfy({ $0.properties.isWhitespace })
            {
                item.start = open
            }
            if open < item.end, item.end < close, close - item.end <= 3,
                scalars[item.end..<(close - 1)].allSatisfy({ $0.properties.isWhitespace || ",.!?".unicodeScalars.contains($0) })
            {
                item.end = close
            }
        }
        return item
    }

    /// A span that opens with a mark and runs on past its last closing mark into an attribution
    /// (a verb of speech, no further mark) ends at that mark.
    static func endingBeforeAttribution(_ item: SpeechExtraction.Item, scalars: [Unicode.Scalar]) -> SpeechExtraction.Item {
        let span = scalars[item.start..<item.end]
        guard let first = span.first(where: { !$0.properties.isWhitespace }), opening.contains(first),
            let lastClose = span.lastIndex(where: closing.contains)
        else { return item }
        let tail = scalars[(lastClose + 1)..<item.end]
        guard !tail.contains(where: marks.contains) else { return item }
        let tailWords = String(String.UnicodeScalarView(tail)).lowercased().split(whereSeparator: { !$0.isLetter })
        guard tailWords.contains(where: { Lexicon.speechVerbs.contains(String($0)) }) else { return item }
        var item = item
        item.end = lastClose + 1
        return item
    }

    /// Direct quotations one after another in a paragraph, with words but no mark between them,
    /// are one quotation interrupted by its attribution.
    static func joiningInterrupted(_ items: [SpeechExtraction.Item], scalars: [Unicode.Scalar]) -> [SpeechExtraction.Item] {
        var result: [SpeechExtraction.Item] = []
        var lastDirect: Int?
        for item in items {
            guard item.kind == .direct else {
                result.append(item)
                continue
            }
            if let index = lastDirect, item.start >= result[index].end {
                let gap = scalars[result[index].end..<item.start]
                if !gap.contains("\n"), !gap.contains(where: marks.contains), gap.contains(where: { $0.properties.isAlphabetic }) {
                    result[index].end = item.end
                    result[index].speaker = result[index].speaker ?? item.speaker
                    continue
                }
            }
            result.append(item)
            lastDirect = result.count - 1
        }
        return result
    }
}
