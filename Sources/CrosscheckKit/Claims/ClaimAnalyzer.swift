public import Foundation

/// The claims stage: scores, types and sources every sentence of an article, and finds its
/// quotations and their speakers.
///
/// Sentences are read in order, so later mentions resolve against earlier ones: a surname or a
/// title ("Whitfield", "the mayor") against the full name, a pronoun against the last person, and a
/// quotation without attribution against the speaker of the sentence before it.
public struct ClaimAnalyzer: Sendable {
    public var model: CheckworthinessModel?
    /// The trained attribution tagger; when given, its speakers win over the rules' for the
    /// quotations it finds, and quoted words inside the reported speech it finds are partial
    /// quotations, not scare quotes.
    public var attribution: AttributionTagger?

    public init(model: CheckworthinessModel?, attribution: AttributionTagger? = nil) {
        self.model = model
        self.attribution = attribution
    }

    /// What the stage found.
    public struct Result: Sendable {
        /// Every sentence as a claim, best first.
        public var claims: [ReportClaim]
        public var quotations: [Quotation]
        public var summary: ClaimsSummary
        /// Reported speech without quotation marks, with its content's span and its speaker.
        public var reportedSpeech: [Quotation] = []
    }

    /// Analyses the sentences of `text` (spans in Unicode scalars).
    public func analyze(text: String, sentences: [TextSpan], published: String?) -> Result {
        let scalars = Array(text.unicodeScalars)
        let quoteSpans = QuoteFinder.quotes(in: scalars)
        let reference = published.flatMap(DateNormalizer.date)
        let blocks = SentenceSegmenter().blocks(scalars)
        var people = PeopleRegister()
        var claims: [ReportClaim] = []
        var quotations: [Quotation] = []
        var previousSpeaker: (name: String, kind: ReportedSpeech.SourcingKind, block: Int)?
        var reportedSpeech: [Quotation] = []
        // Scored in one batch: a model with meaning features embeds every sentence at once.
        let scores = model?.scores(sentences.map { scalars.text($0) })
        let relations = attribution?.relations(in: text) ?? []
        let sentenceEntities = sentences.map { EntityRecognizer().entities(in: scalars, span: $0) }
        // Words the text gives as names somewhere: a one-word speaker must be one of them, not a
        // word capitalised only because it opens its sentence ("Inspections rated the deck “fair”").
        let namedWords = Set(sentenceEntities.joined().flatMap { $0.text.split(separator: " ").map(String.init) })
        let isSpeakerName: (String) -> Bool = { speaker in
            SpeakerNames.isName(speaker) && (speaker.contains(" ") || namedWords.contains(speaker))
        }

        for (number, sentence) in sentences.enumerated() {
            let tokens = Tokenizer().tokens(in: scalars, range: sentence)
            let entities = sentenceEntities[number]
            people.add(entities)
            let block = blocks.firstIndex { $0.start <= sentence.start && sentence.start <= $0.end } ?? 0
            let sentenceQuotes = quoteSpans.filter { $0.start >= sentence.start && $0.start < sentence.end }
            let inQuote: (Token) -> Bool = { token in sentenceQuotes.contains { $0.start <= token.span.start && token.span.end <= $0.end } }

            let attributions = ReportedSpeech(scalars: scalars, tokens: tokens, entities: entities, people: people).attributions()
                .filter { !inQuote(tokens[$0.verb]) }

            // Quotations and their speakers.
            var sentenceQuotations: [Quotation] = []
            for span in sentenceQuotes {
                let quoted = scalars.text(span).trimmingASCII()
                var quotation = Quotation(text: quoted, kind: kind(of: span, in: sentence, scalars: scalars), start: span.start, end: span.end)
                // The tagger's relation holding these quoted words, when it names a speaker.
                let tagged = relations.first { $0.start <= span.start && span.end <= $0.end && $0.speaker.map(isSpeakerName) == true }
                if quotation.kind == .scare, tagged != nil { quotation.kind = .partial }
                if quotation.kind != .scare {
                    let nearest = attributions.min { distance($0.span, span) < distance($1.span, span) }
                    if let tagged {
                        quotation.speaker = tagged.speaker
                    } else if let nearest {
                        quotation.speaker = nearest.name ?? nearest.phrase
                    } else if let previous = previousSpeaker, previous.block >= block - 1 {
                        quotation.speaker = previous.name
                    }
                    if let speaker = quotation.speaker {
                        people.addSpeaker(speaker, at: span.end)
                        previousSpeaker = (speaker, nearest?.kind ?? previousSpeaker?.kind ?? .named, block)
                    }
                }
                sentenceQuotations.append(quotation)
            }
            if let attribution = attributions.first(where: { $0.kind.isIdentified }), let name = attribution.name {
                people.addSpeaker(name, at: attribution.span.end)
                previousSpeaker = (name, .named, block)
            } else if sentenceQuotes.isEmpty, attributions.isEmpty {
                // A sentence of the writer's own breaks the chain of an unattributed quotation.
                if previousSpeaker?.block != block { previousSpeaker = nil }
            }
            quotations += sentenceQuotations
            // Reported speech: the content of an attributed sentence without a direct quotation; with
            // quoted words inside it, the whole reported clause (a mixed quotation).
            if !sentenceQuotations.contains(where: { $0.kind == .direct }),
                let attribution = attributions.first(where: { $0.kind != .none }),
                let content = ReportedContent.span(of: attribution, in: sentence, tokens: tokens, scalars: scalars)
            {
                let mixed = sentenceQuotations.contains { $0.kind != .direct && $0.start >= content.start && $0.end <= content.end }
                reportedSpeech.append(
                    Quotation(
                        text: scalars.text(content), kind: mixed ? .partial : .indirect, start: content.start, end: content.end,
                        speaker: attribution.name ?? attribution.phrase))
            }

            // Sourcing.
            let attribution: ReportClaim.Attribution
            if let named = attributions.first(where: { $0.kind.isIdentified }) {
                attribution = .init(kind: "named", source: named.name ?? named.phrase, sourcing: named.kind.rawValue)
            } else if let quoted = sentenceQuotations.first(where: { $0.kind != .scare && $0.speaker != nil }) {
                attribution = .init(kind: "named", source: quoted.speaker, sourcing: "named")
            } else if let anonymous = attributions.first(where: { $0.kind == .anonymous }) {
                attribution = .init(kind: "anonymous", source: anonymous.phrase, sourcing: "anonymous")
            } else {
                attribution = .init(kind: "none", sourcing: "none")
            }

            let quantities = QuantityExtractor().quantities(in: scalars, span: sentence)
            let dates = DateExtractor(reference: reference).dates(in: scalars, span: sentence)
            let words = tokens.map { $0.text.lowercased() }
            let types = ClaimTypeClassifier().types(
                words: words, quantities: quantities, dates: dates, quotes: sentenceQuotations,
                attributed: !attributions.isEmpty || sentenceQuotations.contains { $0.kind != .scare && $0.speaker != nil },
                entities: entities)
            let sentenceText = scalars.text(sentence)
            let score = scores?[number] ?? 0
            let primary = sentenceQuotations.first { $0.kind != .scare }
            var claim = ReportClaim(
                id: "s\(number + 1)", text: sentenceText, start: sentence.start, end: sentence.end,
                checkworthiness: score.rounded(toPlaces: 4), types: types.map(\.rawValue), attribution: attribution,
                quote: primary.map { .init(text: $0.text, speaker: $0.speaker) })
            claim.checkworthy = model.map { score >= $0.threshold } ?? false
            claim.probability = model?.probability(score)?.rounded(toPlaces: 4)
            claim.entities = entities
            claim.quantities = quantities
            claim.dates = dates
            claim.scareQuotes = sentenceQuotations.filter { $0.kind == .scare }.map(\.text)
            claims.append(claim)
        }

        let ranked = claims.enumerated().sorted { a, b in
            a.element.checkworthiness > b.element.checkworthiness
                || (a.element.checkworthiness == b.element.checkworthiness && a.offset < b.offset)
        }.map(\.element)
        let checkworthy = ranked.filter(\.checkworthy)
        let summary = ClaimsSummary(
            sentences: claims.count, checkworthy: checkworthy.count,
            anonymous: checkworthy.filter { $0.attribution.kind == "anonymous" }.map(\.id),
            unattributed: checkworthy.filter { $0.attribution.kind == "none" }.map(\.id),
            quotations: quotations.filter { $0.kind != .scare }.count,
            unattributedQuotations: quotations.filter { $0.kind != .scare && $0.speaker == nil }.count)
        return Result(claims: ranked, quotations: quotations, summary: summary, reportedSpeech: reportedSpeech)
    }

    private func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }

    /// Direct when the quotation opens the sentence or follows a colon or comma; scare when it is
    /// one or two words without a clause; partial otherwise.
    private func kind(of span: TextSpan, in sentence: TextSpan, scalars: [Unicode.Scalar]) -> Quotation.Kind {
        let words = scalars.text(span).split(whereSeparator: { $0 == " " }).count
        let inner = scalars.text(span).trimmingASCII()
        let endsSentence = inner.last.map { ".!?,".contains($0) } ?? false
        if words <= 2, !endsSentence { return .scare }
        var before = span.start - 2
        while before >= sentence.start, scalars[before].isSpace { before -= 1 }
        if before < sentence.start || scalars[before] == ":" || scalars[before] == "," || SentenceSegmenter.isOpener(scalars[before]) {
            return .direct
        }
        return endsSentence && words > 6 ? .direct : .partial
    }
}

/// Counts and lists for the report's summary of claims.
public struct ClaimsSummary: Sendable, Hashable, Codable {
    public var sentences: Int
    public var checkworthy: Int
    /// Check-worthy claims whose only source is anonymous ("officials said").
    public var anonymous: [String]
    /// Check-worthy claims with no source at all.
    public var unattributed: [String]
    public var quotations: Int
    public var unattributedQuotations: Int

    public init(sentences: Int, checkworthy: Int, anonymous: [String], unattributed: [String], quotations: Int, unattributedQuotations: Int) {
        self.sentences = sentences
        self.checkworthy = checkworthy
        self.anonymous = anonymous
        self.unattributed = unattributed
        self.quotations = quotations
        self.unattributedQuotations = unattributedQuotations
    }
}
