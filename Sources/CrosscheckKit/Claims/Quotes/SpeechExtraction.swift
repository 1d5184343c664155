/// Every quotation and piece of reported speech in a text, with its speaker: the claims stage's
/// quotations (direct and partial; scare quotes are not speech) and its reported speech, as spans
/// of the text given.
public enum SpeechExtraction {
    /// One quotation or piece of reported speech.
    public struct Item: Sendable, Hashable {
        /// Span of what was said, in Unicode scalars of the text; a quotation's marks included.
        public var start: Int
        public var end: Int
        public var speaker: String?
        public var kind: Quotation.Kind
    }

    /// The quotations and reported speech of `text`, in text order: found by `attribution` when
    /// given, by the claims stage's rules otherwise.
    public static func items(in text: String, attribution: AttributionTagger?) -> [Item] {
        guard let attribution else { return items(in: text) }
        var tagged = attribution.relations(in: text)
        // The rules' direct quotations fill in what the tagger missed: a quotation it did not
        // find, a speaker it did not name.
        let ruled = items(in: text).filter { $0.kind == .direct }
        var missed: [Item] = []
        for rule in ruled {
            let overlapping = tagged.indices.filter { tagged[$0].start < rule.end && rule.start < tagged[$0].end }
            if overlapping.isEmpty {
                missed.append(rule)
            } else if let speaker = rule.speaker {
                for index in overlapping where tagged[index].speaker == nil { tagged[index].speaker = speaker }
            }
        }
        let combined = (tagged + missed).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        return QuoteSpans.tidied(combined, scalars: Array(text.unicodeScalars))
    }

    /// The quotations and reported speech of `text` by the claims stage's rules, in text order.
    public static func items(in text: String) -> [Item] {
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceSegmenter().sentences(in: scalars)
        let result = ClaimAnalyzer(model: nil).analyze(text: text, sentences: sentences, published: nil)
        let marks: Set<Unicode.Scalar> = ["\"", "“", "”", "„", "«", "»", "‘", "’", "'"]
        var items: [Item] = result.quotations.filter { $0.kind != .scare }.map { quotation in
            var start = quotation.start
            var end = quotation.end
            if start > 0, marks.contains(scalars[start - 1]), !marks.contains(scalars[start]) { start -= 1 }
            if end < scalars.count, marks.contains(scalars[end]), end > 0, !marks.contains(scalars[end - 1]) { end += 1 }
            return Item(start: start, end: end, speaker: quotation.speaker, kind: quotation.kind)
        }
        // A partial quotation inside reported speech is given as the whole reported clause.
        let clauses = result.reportedSpeech.filter { $0.kind == .partial }
        items.removeAll { item in
            item.kind == .partial && clauses.contains { $0.start <= item.start && item.end <= $0.end + 1 }
        }
        // A speaker the sentence's attribution left unnamed ("former transport minister") is looked
        // for beside the quotation.
        for index in items.indices where items[index].kind == .direct && !(items[index].speaker?.contains(where: \.isUppercase) ?? false) {
            if let name = SpeakerNearQuote.speaker(around: items[index].start..<items[index].end, scalars: scalars) {
                items[index].speaker = name
            }
        }
        items = mergingInterruptedQuotes(items.sorted { ($0.start, $0.end) < ($1.start, $1.end) }, scalars: scalars)
        items += result.reportedSpeech.map { Item(start: $0.start, end: $0.end, speaker: $0.speaker, kind: $0.kind) }
        return items.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// One quotation interrupted by its attribution ("“…,” she said. “…”") is one relation: the
    /// pieces in one paragraph with only a short attribution between them are joined.
    static func mergingInterruptedQuotes(_ items: [Item], scalars: [Unicode.Scalar]) -> [Item] {
        var merged: [Item] = []
        for item in items {
            if var last = merged.last, last.kind == .direct, item.kind == .direct || item.kind == .partial,
                item.start > last.end, item.start - last.end <= 80
            {
                let gap = scalars[last.end..<item.start]
                let marks: Set<Unicode.Scalar> = ["\"", "“", "”", "\n"]
                if !gap.contains(where: { marks.contains($0) }), gap.contains(where: { $0.properties.isAlphabetic }) {
                    last.end = item.end
                    last.speaker = last.speaker ?? item.speaker
                    merged[merged.count - 1] = last
                    continue
                }
            }
            merged.append(item)
        }
        return merged
    }
}
