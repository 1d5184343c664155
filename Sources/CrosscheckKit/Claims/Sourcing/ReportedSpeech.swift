/// Who a sentence says is speaking: the source of each reporting verb ("X said", "said X",
/// "according to X"), classified as a named person, a named institution, a document, an
/// anonymous or vague source.
struct ReportedSpeech {
    /// One attribution in a sentence.
    struct Attribution: Hashable {
        /// The source as written ("Mayor Dana Whitfield", "officials", "he").
        var phrase: String
        /// The resolved name, when the source is a named person or body.
        var name: String?
        var kind: SourcingKind
        var entityKind: EntityMention.Kind?
        /// Token index of the reporting verb in the sentence's tokens.
        var verb: Int
        /// The source's span in the article text.
        var span: TextSpan
    }

    /// How a claim is sourced.
    enum SourcingKind: String {
        /// A named person.
        case named
        /// A named body: a government, company, agency, party — or a country or capital
        /// standing for its government when it is the one speaking.
        case institution
        /// A named publication or record: a report, the minutes, a ruling.
        case document
        /// An unnamed person or a vague group: "officials", "analysts", "U.S. intelligence".
        case anonymous
        case none

        /// Whether the source can be looked up: a named person, institution or document.
        var isIdentified: Bool { self == .named || self == .institution || self == .document }
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let entities: [EntityMention]
    /// People named earlier in the article, to resolve surnames, titles and pronouns.
    let people: PeopleRegister

    static let anonymousHeads: Set<String> = [
        "officials", "official", "sources", "source", "analysts", "analyst", "experts", "expert", "critics",
        "observers", "insiders", "people", "residents", "some", "many", "others", "authorities", "investigators",
        "researchers", "scientists", "economists", "diplomats", "aides", "adviser", "advisers", "advisors",
        "lawmakers", "reports", "studies", "study", "insider", "someone", "spokesperson", "spokesman",
        "spokeswoman", "parents", "observers", "commentators", "pundits", "activists", "witnesses", "estimates",
        "figures", "data", "polls", "surveys", "rumours", "rumors", "claims", "engineers", "doctors", "teachers",
        "economist", "scientist", "researcher", "person", "staff", "employees", "workers", "supporters",
        "opponents", "campaigners", "users", "fans", "locals", "neighbours", "neighbors", "voters",
        "intelligence", "insiders", "circles",
    ]

    /// Heads of a phrase naming a record or publication: with a definite article or a name before
    /// it ("the official minutes", "the ministry's report"), a document.
    static let documentHeads: Set<String> = [
        "minutes", "report", "records", "record", "documents", "document", "filing", "filings", "transcript",
        "memo", "memorandum", "letter", "study", "survey", "poll", "census", "audit", "ruling", "judgment",
        "judgement", "indictment", "complaint", "lawsuit", "statement", "communique", "communiqué", "treaty",
        "agreement", "data", "figures", "statistics", "estimates", "assessment", "review", "investigation",
        "inquiry", "analysis", "paper", "journal", "book", "website", "release",
    ]

    static let organizationHeads: Set<String> = [
        "department", "council", "ministry", "agency", "office", "police", "court", "board", "commission",
        "committee", "government", "administration", "authority", "company", "firm", "university", "hospital",
        "district", "institute", "bureau", "service", "union", "party", "campaign", "military", "army", "parliament",
        "congress", "senate", "cabinet", "regulator", "watchdog", "airline", "bank", "newspaper", "network",
    ]

    static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it"]
    static let skippable: Set<String> = [
        "also", "later", "previously", "recently", "had", "has", "have", "was", "were", "is", "once", "then",
        "reportedly", "publicly", "privately", "repeatedly", "earlier", "often", "has", "again", "further", "told",
    ]

    func attributions() -> [Attribution] {
        var result: [Attribution] = []
        var index = 0
        while index < tokens.count {
            let word = tokens[index].text.lowercased()
            if word == "according", index + 1 < tokens.count, tokens[index + 1].text.lowercased() == "to" {
                if let attribution = phrase(from: index + 2, verb: index) { result.append(attribution) }
                index += 2
                continue
            }
            if [
                "said", "says", "told", "added", "argued", "warned", "noted", "stated", "explained", "claimed",
                "insisted", "wrote", "writes", "announced", "replied", "declared", "acknowledged", "admitted",
                "estimated", "estimates", "reported", "reports", "predicted", "predicts", "believe", "believes",
                "say", "note", "argue", "warn", "claim", "estimate", "predict", "found", "finds", "show", "shows",
                "suggest", "suggests", "confirmed", "denied", "tweeted", "reads", "states", "concluded", "concludes",
                "called", "described", "insists", "maintains", "contend", "contends", "fear", "fears", "think",
                "thinks", "expect", "expects", "indicate", "indicates", "maintain",
            ].contains(word), !Self.keepsAnObject(verb: index, tokens: tokens) {
                if let attribution = subject(before: index) ?? (Self.invertible.contains(word) ? subject(after: index) : nil)
                    ?? sentenceSubject(verb: index)
                {
                    result.append(attribution)
                }
            }
            index += 1
        }
        // "It is reported", "reportedly", "it is understood" are anonymous by construction.
        for (position, token) in tokens.enumerated() {
            let word = token.text.lowercased()
            if word == "reportedly" || word == "allegedly" || word == "purportedly" {
                result.append(Attribution(phrase: word, name: nil, kind: .anonymous, entityKind: nil, verb: position, span: token.span))
            } else if word == "it", position + 2 < tokens.count, ["is", "was", "has"].contains(tokens[position + 1].text.lowercased()),
                ["reported", "believed", "understood", "said", "thought", "claimed", "rumoured", "rumored", "alleged"]
                    .contains(tokens[position + 2].text.lowercased())
            {
                result.append(
                    Attribution(
                        phrase: "it is \(tokens[position + 2].text)", name: nil, kind: .anonymous, entityKind: nil, verb: position, span: token.span))
            }
        }
        return result
    }

    /// A vague head capitalised only because it opens the sentence ("Estimates indicate", "Data
    /// show"): not a name, whatever the entity recogniser made of it.
    func isVagueOpening(_ entity: EntityMention) -> Bool {
        entity.start == tokens.first?.span.start && !entity.text.contains(" ") && Self.anonymousHeads.contains(entity.text.lowercased())
    }

    /// "maintains" reports speech only before a clause ("maintains that …", "maintains: …");
    /// "Pyongyang maintains a large arsenal" keeps something.
    static func keepsAnObject(verb: Int, tokens: [Token]) -> Bool {
        let word = tokens[verb].text.lowercased()
        guard word == "maintains" || word == "maintain" else { return false }
        guard verb + 1 < tokens.count else { return false }
        let next = tokens[verb + 1].text
        return !(["that", ",", ":", "\"", "“", "it", "he", "she", "they", "its", "his", "her", "their"].contains(next.lowercased()))
    }

    /// The subject just before the verb at `verb` ("Officials said", "Whitfield told", "he said").
    func subject(before verb: Int) -> Attribution? {
        var index = verb - 1
        while index >= 0, Self.skippable.contains(tokens[index].text.lowercased()) { index -= 1 }
        guard index >= 0 else { return nil }
        let token = tokens[index]
        if let entity = entities.last(where: { $0.end == token.span.end || ($0.start <= token.span.start && $0.end >= token.span.end) }),
            !isVagueOpening(entity)
        {
            return named(entity, verb: verb)
        }
        let lower = token.text.lowercased()
        if Self.pronouns.contains(lower) { return pronoun(lower, token: token, verb: verb) }
        if token.text == ",", index > 0, let entity = entities.last(where: { $0.end == tokens[index - 1].span.end }),
            entity.kind == .person || isAppositive(entity)
        {
            // "the city's finance director, Priya Nair, told the council"; "the developer, Nordvind, said"
            return named(entity, verb: verb)
        }
        guard token.kind == .word, lower != "and", lower != "but" else { return nil }
        // A noun phrase ending here: up to six words back to a determiner or punctuation.
        var start = index
        while start > 0, index - start < 6 {
            let previous = tokens[start - 1]
            guard previous.kind == .word || previous.text == "'s" || previous.text == "’s" else { break }
            let word = previous.text.lowercased()
            if Lexicon.speechVerbs.contains(word) || ["and", "but", "that", "which", "who", "while"].contains(word) { break }
            start -= 1
            if ["the", "a", "an", "one", "two", "three", "some", "many", "several", "most"].contains(word) { break }
        }
        if let appositive = appositiveSubject(verb: verb, phraseStart: start) { return appositive }
        return classify(from: start, through: index, verb: verb)
    }

    /// Whether `entity` stands in apposition after a noun phrase and a comma: "the developer,
    /// Nordvind," — the name of what the phrase describes.
    func isAppositive(_ entity: EntityMention) -> Bool {
        guard let at = tokens.firstIndex(where: { $0.span.start == entity.start }), at >= 3, tokens[at - 1].text == "," else { return false }
        let head = tokens[at - 2]
        guard head.kind == .word, head.text.first?.isLowercase == true else { return false }
        // The phrase before the comma opens with a determiner or a possessive within four words.
        return tokens[max(0, at - 6)..<(at - 2)].contains { ["the", "its", "their", "his", "her", "'s", "’s"].contains($0.text.lowercased()) }
    }

    /// Verbs that may come before their subject in news writing ("said the mayor").
    static let invertible: Set<String> = [
        "said", "says", "added", "asked", "wrote", "writes", "reads", "explained", "noted", "argued", "warned",
        "recalled", "replied", "continued", "insisted", "stated", "states", "declared", "according",
    ]

    /// The sentence's subject when it opens the sentence and the verb comes later:
    /// "Councillor Ray Duarte, who voted against the plan, called it ...".
    func sentenceSubject(verb: Int) -> Attribution? {
        guard let first = entities.first, first.kind == .person || first.kind == .organization,
            let opening = tokens.prefix(4).firstIndex(where: { $0.span.start == first.start }), opening < verb,
            tokens[..<opening].allSatisfy({ EntityRecognizer.isTitle($0.text) || $0.text.lowercased() == "the" })
        else { return nil }
        return named(first, verb: verb)
    }

    /// The subject after the verb ("said Mayor Dana Whitfield", "said the engineer", "says Nair").
    func subject(after verb: Int) -> Attribution? {
        let index = verb + 1
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if let entity = entities.first(where: { $0.start <= token.span.start && $0.end > token.span.start }) {
            return named(entity, verb: verb)
        }
        let lower = token.text.lowercased()
        if Self.pronouns.contains(lower) { return pronoun(lower, token: token, verb: verb) }
        return phrase(from: index, verb: verb)
    }

    /// A source phrase starting at `start` and running to punctuation (at most eight words).
    func phrase(from start: Int, verb: Int) -> Attribution? {
        guard start < tokens.count else { return nil }
        if let entity = entities.first(where: { $0.start <= tokens[start].span.start && $0.end > tokens[start].span.start }) {
            return named(entity, verb: verb)
        }
        var end = start
        while end < tokens.count, end - start < 8, tokens[end].kind == .word || tokens[end].text == "'s" || tokens[end].text == "’s" {
            if let entity = entities.first(where: { $0.start == tokens[end].span.start }), end > start {
                // "the city's finance director, Priya Nair" continues below; "officials at Acme" is Acme.
                if entity.kind == .organization || entity.kind == .document { return named(entity, verb: verb, phraseStart: start) }
                // "according to the Harbour Review": only an article before the name.
                if tokens[start..<end].allSatisfy({ ["the", "a", "an"].contains($0.text.lowercased()) }) { return named(entity, verb: verb) }
                break
            }
            end += 1
        }
        guard end > start else { return nil }
        // "the city's finance director, Priya Nair": a name in apposition after a comma.
        if end + 1 < tokens.count, tokens[end].text == ",",
            let entity = entities.first(where: { $0.start == tokens[end + 1].span.start }), entity.kind == .person
        {
            return named(entity, verb: verb)
        }
        return classify(from: start, through: end - 1, verb: verb)
    }

    /// "Nair, the finance director, said": a person named before an appositive.
    private func appositiveSubject(verb: Int, phraseStart: Int) -> Attribution? {
        guard phraseStart >= 2, tokens[phraseStart - 1].text == "," else { return nil }
        let token = tokens[phraseStart - 2]
        guard let entity = entities.last(where: { $0.end == token.span.end }), entity.kind == .person else { return nil }
        return named(entity, verb: verb)
    }

    private func classify(from start: Int, through end: Int, verb: Int) -> Attribution? {
        let words = tokens[start...end].map { $0.text.lowercased() }
        let span = TextSpan(start: tokens[start].span.start, end: tokens[end].span.end)
        let phrase = scalars.text(span)
        let head = words.last ?? ""
        let definite = words.first == "the" || words.contains("'s") || words.contains("’s")
        if words.contains(where: { Self.organizationHeads.contains($0) }) {
            return Attribution(phrase: phrase, name: phrase, kind: .institution, entityKind: .organization, verb: verb, span: span)
        }
        // A capital that only opens the sentence ("Estimates indicate", "Data show") names nothing.
        let named = tokens[start...end].indices.contains { $0 > 0 && tokens[$0].text.first?.isUppercase == true }
        if Self.documentHeads.contains(head), definite || named {
            return Attribution(phrase: phrase, name: phrase, kind: .document, entityKind: .document, verb: verb, span: span)
        }
        if Lexicon.personTitles.contains(head) || Lexicon.personTitles.contains(words.first ?? "") {
            if let person = people.person(withTitle: head) {
                return Attribution(phrase: phrase, name: person, kind: .named, entityKind: .person, verb: verb, span: span)
            }
            if definite, !Self.anonymousHeads.contains(head) {
                return Attribution(phrase: phrase, name: phrase, kind: .named, entityKind: .person, verb: verb, span: span)
            }
            return Attribution(phrase: phrase, name: nil, kind: .anonymous, entityKind: nil, verb: verb, span: span)
        }
        if Self.anonymousHeads.contains(head) || words.contains(where: { Self.anonymousHeads.contains($0) }) {
            return Attribution(phrase: phrase, name: nil, kind: .anonymous, entityKind: nil, verb: verb, span: span)
        }
        // "according to the county clerk": a definite source is identifiable, an indefinite one is not.
        if tokens[verb].text.lowercased() == "according" {
            let kind: SourcingKind = definite ? .named : .anonymous
            return Attribution(phrase: phrase, name: definite ? phrase : nil, kind: kind, entityKind: nil, verb: verb, span: span)
        }
        return nil
    }

    private func named(_ entity: EntityMention, verb: Int, phraseStart: Int? = nil) -> Attribution {
        let coordinated = coordination(ending: entity)
        if coordinated.count > 1, let first = coordinated.first {
            // "The U.S., South Korea and Japan announced": every party, each a government or body.
            var start = first.start
            if let index = tokens.firstIndex(where: { $0.span.end <= first.start && $0.span.end >= first.start - 1 && $0.text.lowercased() == "the" })
            {
                start = tokens[index].span.start
            }
            let span = TextSpan(start: start, end: entity.end)
            let phrase = scalars.text(span)
            let kind: SourcingKind = coordinated.allSatisfy { $0.kind == .person } ? .named : .institution
            return Attribution(phrase: phrase, name: phrase, kind: kind, entityKind: entity.kind, verb: verb, span: span)
        }
        let name = entity.kind == .person ? people.fullName(for: entity.text) : entity.text
        let kind: SourcingKind =
            switch entity.kind {
            case .person: .named
            case .document: .document
            case .organization, .place, .other: .institution
            }
        return Attribution(
            phrase: entity.title.map { $0 + " " + entity.text } ?? entity.text, name: name, kind: kind,
            entityKind: entity.kind, verb: verb, span: TextSpan(start: entity.start, end: entity.end))
    }

    /// The entities joined with `entity` by commas and "and" before it ("the U.S., South Korea and
    /// Japan"), in text order; just `entity` when it stands alone.
    func coordination(ending entity: EntityMention) -> [EntityMention] {
        var chain = [entity]
        var current = entity
        while var joint = tokens.lastIndex(where: { $0.span.end <= current.start }) {
            if tokens[joint].text.lowercased() == "the", joint > 0 { joint -= 1 }
            guard [",", "and", "&"].contains(tokens[joint].text.lowercased()) else { break }
            var before = joint
            if joint > 0, [",", "and"].contains(tokens[joint - 1].text.lowercased()) { before = joint - 1 }
            guard before > 0, let previous = entities.last(where: { $0.end == tokens[before - 1].span.end }),
                previous.kind != .person || entity.kind == .person
            else { break }
            chain.insert(previous, at: 0)
            current = previous
        }
        return chain
    }

    private func pronoun(_ word: String, token: Token, verb: Int) -> Attribution? {
        // "I think", "we believe": the writer's or speaker's own view, not a source.
        if word == "i" || word == "we",
            ["think", "believe", "feel", "hope", "fear", "expect", "say", "suggest"]
                .contains(tokens[verb].text.lowercased())
        {
            return nil
        }
        if word == "he" || word == "she" || word == "i" {
            let name = people.lastPerson(before: token.span.start)
            return Attribution(
                phrase: token.text, name: name, kind: name == nil ? .anonymous : .named, entityKind: .person, verb: verb, span: token.span)
        }
        if word == "we" || word == "they" {
            let name = people.lastSpeaker(before: token.span.start)
            return Attribution(phrase: token.text, name: name, kind: name == nil ? .anonymous : .named, entityKind: nil, verb: verb, span: token.span)
        }
        return nil
    }
}

/// The people an article has named so far, so later mentions by surname ("Whitfield"), title
/// ("the mayor") or pronoun ("she") resolve to a full name.
struct PeopleRegister {
    /// Person mentions in text order.
    private(set) var mentions: [EntityMention] = []
    /// Speakers resolved so far, with the offset where they were resolved.
    private(set) var speakers: [(offset: Int, name: String)] = []

    mutating func add(_ entities: [EntityMention]) {
        for entity in entities where entity.kind == .person { mentions.append(entity) }
    }

    mutating func addSpeaker(_ name: String, at offset: Int) {
        speakers.append((offset, name))
    }

    /// The full name a mention refers to: "Whitfield" → "Dana Whitfield".
    func fullName(for text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count == 1 else { return text }
        for mention in mentions where mention.text.split(separator: " ").count > 1 {
            if mention.text.split(separator: " ").last == words.first { return mention.text }
        }
        return text
    }

    /// The person last named with `title` ("mayor" → "Dana Whitfield").
    func person(withTitle title: String) -> String? {
        mentions.last { $0.title?.lowercased().split(separator: " ").contains(Substring(title)) ?? false }.map { fullName(for: $0.text) }
    }

    func lastPerson(before offset: Int) -> String? {
        let speaker = speakers.last { $0.offset < offset }
        let mention = mentions.last { $0.end <= offset }
        switch (speaker, mention) {
        case let (speaker?, mention?): return speaker.offset > mention.start ? speaker.name : fullName(for: mention.text)
        case let (speaker?, nil): return speaker.name
        case let (nil, mention?): return fullName(for: mention.text)
        default: return nil
        }
    }

    func lastSpeaker(before offset: Int) -> String? {
        speakers.last { $0.offset < offset }?.name
    }
}
