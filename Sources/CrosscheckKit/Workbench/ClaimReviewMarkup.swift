public import Foundation

/// A reviewed claim as schema.org ClaimReview JSON-LD, the markup fact-check consumers read.
public struct ClaimReviewMarkup: Sendable, Hashable, Codable {
    public struct Rating: Sendable, Hashable, Codable {
        public var type = "Rating"
        public var ratingValue: Int
        public var bestRating: Int
        public var worstRating: Int
        public var alternateName: String

        enum CodingKeys: String, CodingKey {
            case type = "@type", ratingValue, bestRating, worstRating, alternateName
        }
    }

    public struct Party: Sendable, Hashable, Codable {
        public var type: String
        public var name: String
        public var url: String?

        enum CodingKeys: String, CodingKey { case type = "@type", name, url }

        public init(type: String, name: String, url: String? = nil) {
            self.type = type
            self.name = name
            self.url = url
        }
    }

    public struct Appearance: Sendable, Hashable, Codable {
        public var type = "CreativeWork"
        public var url: String

        enum CodingKeys: String, CodingKey { case type = "@type", url }

        public init(url: String) { self.url = url }
    }

    public struct Claim: Sendable, Hashable, Codable {
        public var type = "Claim"
        public var author: Party?
        public var datePublished: String?
        public var appearance: [Appearance]

        enum CodingKeys: String, CodingKey { case type = "@type", author, datePublished, appearance }

        public init(author: Party?, datePublished: String?, appearance: [Appearance]) {
            self.author = author
            self.datePublished = datePublished
            self.appearance = appearance
        }
    }

    public var context = "https://schema.org"
    public var type = "ClaimReview"
    public var claimReviewed: String
    public var reviewRating: Rating
    public var url: String?
    public var author: Party
    public var datePublished: String
    public var itemReviewed: Claim

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", claimReviewed, reviewRating, url, author, datePublished, itemReviewed
    }

    public init(claimReviewed: String, reviewRating: Rating, url: String?, author: Party, datePublished: String, itemReviewed: Claim) {
        self.claimReviewed = claimReviewed
        self.reviewRating = reviewRating
        self.url = url
        self.author = author
        self.datePublished = datePublished
        self.itemReviewed = itemReviewed
    }

    /// The engine's verdicts on a five-point scale (1 false … 5 true); "not enough info" has no
    /// rating and cannot be published.
    public static func rating(for verdict: String) -> Rating? {
        switch verdict {
        case "refuted": return Rating(ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False")
        case "mixed": return Rating(ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: "Mixture")
        case "supported": return Rating(ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True")
        default: return nil
        }
    }

    /// What fact-check consumers would reject or show badly: missing fields, a rating outside its
    /// range, an overlong `claimReviewed`. Empty when the markup is fit to publish.
    public var problems: [String] {
        var problems: [String] = []
        if claimReviewed.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("claimReviewed is empty") }
        if claimReviewed.count > 280 { problems.append("claimReviewed has \(claimReviewed.count) characters; summarise the claim in at most 280") }
        if url?.isEmpty ?? true { problems.append("url is missing: give the server a --publisher-url, or the article its URL") }
        if author.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("author (the publishing organisation) has no name") }
        let rating = reviewRating
        if rating.worstRating >= rating.bestRating { problems.append("reviewRating's worstRating is not below its bestRating") }
        if !(rating.worstRating...max(rating.worstRating, rating.bestRating)).contains(rating.ratingValue) {
            problems.append("reviewRating's ratingValue \(rating.ratingValue) is outside \(rating.worstRating)–\(rating.bestRating)")
        }
        if rating.alternateName.isEmpty { problems.append("reviewRating has no alternateName (the verdict in words)") }
        if DateNormalizer.date(datePublished) == nil { problems.append("datePublished \(datePublished) is not a date") }
        if itemReviewed.appearance.isEmpty { problems.append("itemReviewed has no appearance (where the claim was made)") }
        return problems
    }

    /// The markup as JSON-LD text.
    public func jsonLD() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// An HTML snippet to paste into the published story: the JSON-LD (with `</` escaped so it
    /// cannot close its script element) and a visible, escaped summary.
    public func htmlSnippet() throws -> String {
        let json = try jsonLD().replacingOccurrences(of: "</", with: "<\\/")
        return """
            <script type="application/ld+json">
            \(json)
            </script>
            <aside class="claimreview">
              <p><strong>Claim:</strong> \(HTMLEscaping.escape(claimReviewed))</p>
              <p><strong>Our rating:</strong> \(HTMLEscaping.escape(reviewRating.alternateName))</p>
            </aside>
            """
    }
}
