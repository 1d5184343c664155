/// A passage offered as evidence, with where it came from.
public struct EvidencePassage: Sendable, Hashable {
    /// The id the caller knows it by (a batch evidence id, or a stored document's id).
    public var id: String
    public var text: String
    public var title: String?
    public var url: String?
    public var published: String?
    /// The retrieval score, when the passage was retrieved.
    public var retrievalScore: Double?
    /// The probability that the passage is about the claim, when a relevance model ranked it.
    public var relevance: Double?

    public init(
        id: String, text: String, title: String? = nil, url: String? = nil, published: String? = nil, retrievalScore: Double? = nil,
        relevance: Double? = nil
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.url = url
        self.published = published
        self.retrievalScore = retrievalScore
        self.relevance = relevance
    }

    /// A passage found in an evidence store, known by its document's id.
    public init(_ hit: PassageHit, relevance: Double? = nil) {
        self.init(
            id: hit.documentKey, text: hit.passage.text, title: hit.title, url: hit.url, published: hit.published,
            retrievalScore: hit.score, relevance: relevance)
    }
}

/// A claim's verification: the verdict and each passage's stance.
public struct ClaimVerification: Sendable {
    /// `supported`, `refuted`, `mixed` or `not_enough_info`.
    public var label: String
    public var confidence: Double
    /// The passages judged, in the order given, each with its stance.
    public var passages: [(passage: EvidencePassage, stance: PassageStance)]
    /// Reasons that concern the claim as a whole (a compound claim's parts).
    public var reasons: [String]

    /// The passages that take a side, strongest first, then the rest.
    public var cited: [(passage: EvidencePassage, stance: PassageStance)] {
        passages.enumerated().sorted { a, b in
            let sa = a.element.stance.stance == "neutral" ? 0 : a.element.stance.score
            let sb = b.element.stance.stance == "neutral" ? 0 : b.element.stance.score
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
    }
}
