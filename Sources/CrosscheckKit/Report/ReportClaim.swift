/// One check-worthy claim in the report (filled by the claims and verification stages).
public struct ReportClaim: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var start: Int
    public var end: Int
    public var checkworthiness: Double
    public var types: [String]
    public var attribution: Attribution
    public var quote: Quote?
    public var verdict: Verdict?
    public var factcheckMatches: [FactcheckMatch]
    /// Whether the score clears the model's threshold.
    public var checkworthy: Bool = false
    /// The calibrated chance that the sentence is check-worthy, when the model has a calibration;
    /// reports show the claims at or above ``ClaimCut/minimumProbability`` first.
    public var probability: Double?
    public var entities: [EntityMention] = []
    public var quantities: [QuantityMention] = []
    public var dates: [DateMention] = []
    /// Words in scare quotes, kept apart from real quotations.
    public var scareQuotes: [String] = []

    public init(
        id: String, text: String, start: Int, end: Int, checkworthiness: Double, types: [String],
        attribution: Attribution, quote: Quote? = nil, verdict: Verdict? = nil, factcheckMatches: [FactcheckMatch] = []
    ) {
        self.id = id
        self.text = text
        self.start = start
        self.end = end
        self.checkworthiness = checkworthiness
        self.types = types
        self.attribution = attribution
        self.quote = quote
        self.verdict = verdict
        self.factcheckMatches = factcheckMatches
    }

    /// Who a claim is attributed to.
    public struct Attribution: Sendable, Hashable, Codable {
        /// `named`, `anonymous` or `none` (the report format's three kinds; a named institution or
        /// document is `named`).
        public var kind: String
        public var source: String?
        /// The finer kind: `named` (a person), `institution` (a named body, or a country or capital
        /// speaking for its government), `document` (a named publication or record), `anonymous`
        /// (an unnamed person or a vague group) or `none`.
        public var sourcing: String?

        public init(kind: String, source: String? = nil, sourcing: String? = nil) {
            self.kind = kind
            self.source = source
            self.sourcing = sourcing
        }
    }

    /// A direct quotation and its speaker.
    public struct Quote: Sendable, Hashable, Codable {
        public var text: String
        public var speaker: String?

        public init(text: String, speaker: String? = nil) {
            self.text = text
            self.speaker = speaker
        }
    }

    /// The verification result for a claim.
    public struct Verdict: Sendable, Hashable, Codable {
        public var label: String
        public var confidence: Double
        /// The newest retrieval time of anything in the store consulted.
        public var asOf: String?
        public var evidence: [Evidence]
        /// Reasons about the claim as a whole (a compound claim's parts).
        public var reasons: [String]

        public init(label: String, confidence: Double, asOf: String? = nil, evidence: [Evidence] = [], reasons: [String] = []) {
            self.label = label
            self.confidence = confidence
            self.asOf = asOf
            self.evidence = evidence
            self.reasons = reasons
        }
    }

    /// One cited passage.
    public struct Evidence: Sendable, Hashable, Codable {
        public var documentId: String
        public var url: String?
        public var title: String?
        public var published: String?
        public var text: String
        public var stance: String
        public var score: Double
        /// What the checks found in this passage, one line each.
        public var reasons: [String]

        public init(
            documentId: String, url: String? = nil, title: String? = nil, published: String? = nil, text: String,
            stance: String, score: Double, reasons: [String] = []
        ) {
            self.documentId = documentId
            self.url = url
            self.title = title
            self.published = published
            self.text = text
            self.stance = stance
            self.score = score
            self.reasons = reasons
        }
    }

    /// An earlier fact-check of the same claim.
    public struct FactcheckMatch: Sendable, Hashable, Codable {
        public var id: String
        public var claim: String
        public var rating: String?
        public var url: String?
        public var score: Double
        /// Whether the score clears the strong-match threshold (otherwise a suggestion).
        public var strong: Bool

        public init(id: String, claim: String, rating: String? = nil, url: String? = nil, score: Double, strong: Bool = false) {
            self.id = id
            self.claim = claim
            self.rating = rating
            self.url = url
            self.score = score
            self.strong = strong
        }
    }
}

/// The language section: persuasion techniques and the article style score.
public struct LanguageSection: Sendable, Hashable, Codable {
    public var score: Double
    public var techniques: [Technique]
    public var reasons: [String]

    public init(score: Double, techniques: [Technique], reasons: [String] = []) {
        self.score = score
        self.techniques = techniques
        self.reasons = reasons
    }

    /// One technique span.
    public struct Technique: Sendable, Hashable, Codable {
        public var technique: String
        public var start: Int
        public var end: Int
        public var text: String
        public var score: Double

        public init(technique: String, start: Int, end: Int, text: String, score: Double) {
            self.technique = technique
            self.start = start
            self.end = end
            self.text = text
            self.score = score
        }
    }
}

/// The screening result for one comment.
public struct CommentScreening: Sendable, Hashable, Codable {
    public var id: String
    public var inauthentic: Double
    public var flags: [String]
    public var reasons: [String]
    public var cluster: String?
    /// How much closer in meaning the comment is to its article (or, for a reply, its thread) than
    /// to unrelated subjects (difference of cosines), when judged by the sentence encoder.
    public var relatedness: Double?
    /// Closeness in meaning to the nearest comment that fits any article, when judged by meaning.
    public var genericness: Double?

    public init(
        id: String, inauthentic: Double, flags: [String], reasons: [String], cluster: String? = nil,
        relatedness: Double? = nil, genericness: Double? = nil
    ) {
        self.id = id
        self.inauthentic = inauthentic
        self.flags = flags
        self.reasons = reasons
        self.cluster = cluster
        self.relatedness = relatedness
        self.genericness = genericness
    }
}
