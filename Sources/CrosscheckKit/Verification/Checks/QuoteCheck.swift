/// Checks a quotation in the claim against the passage: are the words there, verbatim or nearly,
/// and who does the passage say spoke them?
public struct QuoteCheck: StanceCheck {
    public init() {}

    /// The share of the quoted words that must appear, in order, for a near-verbatim match.
    public var verbatim = 0.85
    /// Below `verbatim` but above this, the passage quotes the speaker differently.
    public var loose = 0.5

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        guard let quote = claim.quotations.max(by: { $0.text.count < $1.text.count }) else { return [] }
        let quoteWords = Self.words(quote.text)
        guard quoteWords.count >= 2 else { return [] }
        let speakerKey = quote.speaker.map(Self.surname)

        // The passage's own quotations, best match first.
        let scored = passage.quotations.map { ($0, Self.similarity(quoteWords, Self.words($0.text))) }.sorted { $0.1 > $1.1 }
        if let (found, similarity) = scored.first, similarity >= loose {
            let foundKey = found.speaker.map(Self.surname)
            switch (speakerKey, foundKey) {
            case let (claimed?, source?) where claimed != source && similarity >= verbatim:
                return [
                    CheckFinding(
                        check: "quote", effect: .refutes, strength: 0.85,
                        reason:
                            "the source attributes these words to \(found.speaker ?? "someone else"), not \(quote.speaker ?? "the claimed speaker")")
                ]
            case let (claimed?, source?) where claimed == source && similarity < verbatim:
                return [
                    CheckFinding(
                        check: "quote", effect: .refutes, strength: 0.5,
                        reason: "the source quotes \(found.speaker ?? "the speaker") differently: “\(found.text)”")
                ]
            case (_, _) where similarity >= verbatim:
                let speaker = found.speaker ?? quote.speaker
                return [
                    CheckFinding(
                        check: "quote", effect: .supports, strength: foundKey == nil || speakerKey == nil ? 0.7 : 0.9,
                        reason: "the source quotes these words" + (speaker.map { " from \($0)" } ?? ""))
                ]
            default: break
            }
        }
        // The words without quotation marks, near the speaker's name.
        let similarity = Self.similarity(quoteWords, passage.words)
        if similarity >= verbatim, let speakerKey, passage.words.contains(speakerKey) {
            return [
                CheckFinding(
                    check: "quote", effect: .supports, strength: 0.7, reason: "the source has these words beside \(quote.speaker ?? speakerKey)")
            ]
        }
        return []
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
    }

    static func surname(_ name: String) -> String {
        words(name).last ?? name.lowercased()
    }

    /// The share of `quote`'s words found in `text` in the same order (longest common subsequence).
    static func similarity(_ quote: [String], _ text: [String]) -> Double {
        guard !quote.isEmpty, !text.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: text.count + 1)
        var current = previous
        for word in quote {
            for j in 1...text.count {
                current[j] = word == text[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return Double(previous[text.count]) / Double(quote.count)
    }
}
