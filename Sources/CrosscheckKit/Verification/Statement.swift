/// A claim or an evidence passage, read once for the checks: its words, retrieval terms,
/// numbers with what they count, dates, names and quotations.
public struct Statement: Sendable {
    public var text: String
    /// Lower-cased words and numbers, in order.
    public var words: [String]
    /// Stemmed, stop-word-free terms.
    public var terms: Set<String>
    public var quantities: [Quantity]
    public var dates: [DateMention]
    public var entities: [EntityMention]
    /// Direct and partial quotations, with their speakers where the text names them.
    public var quotations: [Quotation]

    /// A number with the terms around it, which tell what it counts.
    public struct Quantity: Sendable {
        public var mention: QuantityMention
        /// Stemmed terms within a few words of the number, in the same sentence.
        public var context: Set<String>
    }

    /// Reads `text`. Quotations are found only when `quotations` is set (they cost a claims pass).
    public init(_ text: String, quotations findQuotations: Bool = false) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        let whole = TextSpan(start: 0, end: scalars.count)
        let tokens = Tokenizer().tokens(in: scalars, range: whole)
        words = tokens.filter { $0.kind != .punctuation }.map { $0.text.lowercased() }
        terms = Set(RetrievalTerms.terms(text))
        entities = EntityRecognizer().entities(in: scalars, span: whole)
        dates = DateExtractor().dates(in: scalars, span: whole)
        let sentences = SentenceSegmenter().sentences(in: scalars)
        let dates = self.dates
        // Numbers inside dates ("March 3, 2026") are the date's, not quantities.
        let counted = QuantityExtractor().quantities(in: scalars, span: whole).filter { mention in
            !dates.contains { $0.start < mention.end && mention.start < $0.end }
        }
        quantities = counted.map { mention in
            let sentence = sentences.first { $0.start <= mention.start && mention.start < $0.end } ?? whole
            let before = tokens.filter { $0.span.end <= mention.start && $0.span.start >= sentence.start }.suffix(6)
            let after = tokens.filter { $0.span.start >= mention.end && $0.span.end <= sentence.end }.prefix(6)
            let context = Set(RetrievalTerms.terms((before + after).map(\.text).joined(separator: " ")))
            return Quantity(mention: mention, context: context)
        }
        if findQuotations {
            quotations = ClaimAnalyzer(model: nil).analyze(text: text, sentences: sentences, published: nil).quotations
                .filter { $0.kind != .scare }
        } else {
            quotations = []
        }
    }

    /// The share of `other`'s terms this statement also has (0 when `other` has none).
    public func coverage(of other: Statement, excluding: Set<String> = []) -> Double {
        let wanted = other.terms.subtracting(excluding)
        guard !wanted.isEmpty else { return 0 }
        return Double(wanted.intersection(terms).count) / Double(wanted.count)
    }
}
