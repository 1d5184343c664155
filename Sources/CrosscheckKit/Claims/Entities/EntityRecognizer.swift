/// Finds people, organisations, places and documents: runs of capitalised words, sorted by the
/// words they contain, the titles before them and a small gazetteer. Rules only; no model files.
public struct EntityRecognizer: Sendable {
    public init() {}

    /// The entity mentions inside `span` of `scalars`, with offsets into `scalars`.
    public func entities(in scalars: [Unicode.Scalar], span: TextSpan) -> [EntityMention] {
        let tokens = Tokenizer().tokens(in: scalars, range: span)
        var result: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            guard isCapitalised(tokens[index]) else {
                index += 1
                continue
            }
            // Grow the run over capitalised words and inner connectors ("Bank of England").
            var end = index + 1
            while end < tokens.count {
                if isCapitalised(tokens[end]), adjacent(tokens[end - 1], tokens[end], scalars) {
                    end += 1
                } else if end + 1 < tokens.count, Self.connectors.contains(tokens[end].text.lowercased()),
                    isCapitalised(tokens[end + 1]), !Self.isTitle(tokens[end + 1].text)
                {
                    end += 2
                } else if end + 2 < tokens.count, tokens[end].text.lowercased() == "of",
                    tokens[end + 1].text.lowercased() == "the", isCapitalised(tokens[end + 2]),
                    Lexicon.documentWords.contains(tokens[end - 1].text.lowercased())
                        || Lexicon.organizationWords.contains(tokens[end - 1].text.lowercased())
                        || EntityRecognizer.numberedNames.contains(tokens[max(index, end - 2)].text.lowercased())
                {
                    end += 3  // "Article 4 of the Harbour Treaty", "Bank of the West"
                } else if tokens[end].kind == .number, adjacent(tokens[end - 1], tokens[end], scalars),
                    Self.numberedNames.contains(tokens[end - 1].text.lowercased())
                {
                    end += 1  // "Route 9", "Article 4"
                } else if tokens[end].text == "'s" || tokens[end].text == "’s" {
                    break
                } else {
                    break
                }
            }
            var first = index
            let atSentenceStart =
                tokens[index].span.start == span.start
                || (index > 0 && SentenceSegmenter.isOpener(scalars[tokens[index].span.start - 1]) && tokens[index].span.start - 1 == span.start)
            // Drop ordinary words that are capitalised only because they open the sentence.
            while first < end, (atSentenceStart && first == index || first > index),
                Lexicon.commonCapitalised.contains(tokens[first].text.lowercased()), !Self.isTitle(tokens[first].text)
            {
                first += 1
                if first < end, !isCapitalised(tokens[first]) { first += 1 }
            }
            if first < end,
                let mention = classify(
                    Array(tokens[first..<end]), scalars: scalars, previous: first > 0 ? tokens[first - 1] : nil,
                    next: end < tokens.count ? tokens[end] : nil)
            {
                result.append(mention)
            }
            index = end
        }
        return result
    }

    static let numberedNames: Set<String> = [
        "route", "article", "section", "chapter", "highway", "interstate", "flight", "gate", "platform", "room",
        "building", "district", "ward", "precinct", "amendment", "title", "clause", "paragraph", "resolution",
        "proposition", "prop", "measure", "bill", "no", "apollo", "phase", "stage", "level", "grade",
    ]

    static let connectors: Set<String> = ["of", "the", "for", "and", "de", "del", "van", "von", "da", "di", "al", "&", "on"]

    static func isTitle(_ word: String) -> Bool {
        Lexicon.personTitles.contains(word.lowercased().trimmingASCII("."))
    }

    private func isCapitalised(_ token: Token) -> Bool {
        guard token.kind == .word, let first = token.text.unicodeScalars.first else { return false }
        return first.isUpper
    }

    private func adjacent(_ a: Token, _ b: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        // Only white space (no comma or other punctuation) between the two words.
        guard b.span.start > a.span.end else { return b.span.start == a.span.end }
        for position in a.span.end..<b.span.start where !scalars[position].isSpace { return false }
        return b.span.start - a.span.end <= 2
    }

    private func classify(_ run: [Token], scalars: [Unicode.Scalar], previous: Token?, next: Token?) -> EntityMention? {
        var words = run
        var title: String?
        // Leading titles: "Mayor Dana Whitfield", "Dr. Amara Singh", "Prime Minister Ana Costa".
        var titleWords: [String] = []
        while words.count > 1, Self.isTitle(words[0].text), !isAcronym(words[0].text) {
            titleWords.append(words[0].text)
            words.removeFirst()
        }
        if !titleWords.isEmpty { title = titleWords.joined(separator: " ") }
        guard let firstWord = words.first, let lastWord = words.last else { return nil }
        let start = firstWord.span.start
        let end = lastWord.span.end
        let text = scalars.text(TextSpan(start: start, end: end))
        let lower = words.map { $0.text.lowercased() }
        let kind: EntityMention.Kind
        if title != nil, !lower.contains(where: { Lexicon.organizationWords.contains($0) }) {
            kind = .person
        } else if lower.contains(where: { Lexicon.documentWords.contains($0) }) && words.count > 1 {
            kind = .document
        } else if lower.contains(where: { Lexicon.organizationWords.contains($0) })
            || words.allSatisfy({ isAcronym($0.text) })
                && !Lexicon.places.contains(lower[0])
        {
            kind = .organization
        } else if lower.contains(where: { Lexicon.placeWords.contains($0) }) || lower.allSatisfy({ Lexicon.places.contains($0) })
            || (previous.map { ["in", "at", "from", "near", "across", "to"].contains($0.text.lowercased()) } ?? false && words.count == 1)
        {
            kind = .place
        } else if (2...4).contains(words.count) {
            kind = .person
        } else if let next, Lexicon.speechVerbs.contains(next.text.lowercased()) {
            kind = .person
        } else if let previous, ["said", "says", "told"].contains(previous.text.lowercased()) {
            kind = .person
        } else {
            kind = .other
        }
        if kind == .other, words.count == 1, Lexicon.commonCapitalised.contains(lower[0]) { return nil }
        if words.count == 1, CalendarNames.months[lower[0]] != nil || CalendarNames.weekdays[lower[0]] != nil { return nil }
        return EntityMention(text: text, kind: kind, start: start, end: end, title: title)
    }

    private func isAcronym(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.count <= 6 && letters.allSatisfy(\.isUppercase)
    }
}
