/// An earlier fact-check: the claim that was checked, and what the checkers found.
public struct FactCheck: Sendable, Hashable, Codable {
    public var id: String
    /// The claim as the fact-checkers stated it.
    public var claim: String
    /// The fact-check's headline.
    public var title: String?
    /// A summary line under the headline.
    public var subtitle: String?
    /// The verdict as published ("False", "Mostly true", "Pants on fire").
    public var rating: String?
    public var url: String?
    /// When the fact-check was published, as ISO 8601 when it could be read.
    public var date: String?
    /// Who published the fact-check.
    public var publisher: String?
    /// Who made the claim.
    public var claimant: String?

    public init(
        id: String, claim: String, title: String? = nil, subtitle: String? = nil, rating: String? = nil,
        url: String? = nil, date: String? = nil, publisher: String? = nil, claimant: String? = nil
    ) {
        self.id = id
        self.claim = claim
        self.title = title
        self.subtitle = subtitle
        self.rating = rating
        self.url = url
        self.date = date
        self.publisher = publisher
        self.claimant = claimant
    }

    /// The text matched against: claim, title and subtitle.
    public var searchText: String {
        [claim, title, subtitle].compactMap { $0 }.joined(separator: " ")
    }
}
