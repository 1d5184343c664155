public import Foundation

/// Reads fact-checks from the formats fact-checkers publish and exchange:
///
/// - JSON Lines of `{"id", "claim", "title", "rating", "url", "date"}` (also `vclaim_id`/`vclaim`,
///   `claimReviewed`, `text`);
/// - schema.org `ClaimReview` JSON-LD, alone, in a list, in a `@graph`, or in the
///   `<script type="application/ld+json">` blocks of an HTML page;
/// - the Google Fact Check Tools `claims:search` response (`{"claims": [{"text", "claimant",
///   "claimReview": [...]}]}`).
public struct FactCheckReader: Sendable {
    public init() {}

    /// What reading produced: the fact-checks and the problems met on the way.
    public struct Result: Sendable {
        public var factChecks: [FactCheck]
        /// One line per skipped record, naming where it was.
        public var problems: [String]
    }

    /// Reads `data`, guessing the format from the content.
    public func read(_ data: Data, name: String = "input") throws -> Result {
        let (text, _) = TextDecoding.decode(data)
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<") {
            let document = HTMLDocument(parsing: text)
            let objects = JSONLD(document: document).objects
            return Result(factChecks: objects.flatMap { factChecks(fromObject: $0) }, problems: [])
        }
        // One JSON document?
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) {
            var objects: [[String: Any]] = []
            JSONLD.flatten(value, into: &objects)
            let found = objects.flatMap { factChecks(fromObject: $0) }
            return Result(factChecks: Self.numbered(found), problems: found.isEmpty ? ["\(name): no fact-checks found"] : [])
        }
        // JSON Lines.
        var found: [FactCheck] = []
        var problems: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmedLine = String(line).trimmingASCII()
            guard !trimmedLine.isEmpty else { continue }
            guard let value = try? JSONSerialization.jsonObject(with: Data(trimmedLine.utf8)) else {
                problems.append("\(name):\(index + 1): not valid JSON; skipped")
                continue
            }
            var objects: [[String: Any]] = []
            JSONLD.flatten(value, into: &objects)
            let lineChecks = objects.flatMap { factChecks(fromObject: $0) }
            if lineChecks.isEmpty { problems.append("\(name):\(index + 1): no claim in this line; skipped") }
            found += lineChecks
        }
        if found.isEmpty, problems.isEmpty {
            throw CrosscheckError(.malformedJSON, "\(name) holds no fact-checks; give JSON Lines, ClaimReview JSON-LD or a page that carries it")
        }
        return Result(factChecks: Self.numbered(found), problems: problems)
    }

    /// Gives fact-checks without an id one from their URL or position.
    static func numbered(_ checks: [FactCheck]) -> [FactCheck] {
        checks.enumerated().map { offset, check in
            var check = check
            if check.id.isEmpty { check.id = check.url ?? "factcheck-\(offset + 1)" }
            return check
        }
    }

    /// The fact-checks one JSON object describes (none, one, or several for a Google response).
    func factChecks(fromObject object: [String: Any]) -> [FactCheck] {
        let types = JSONLD.types(of: object)
        if types.contains("claimreview") { return claimReview(object).map { [$0] } ?? [] }
        if let claims = object["claims"] as? [[String: Any]] {
            return claims.flatMap(googleClaim)
        }
        if object["claimReview"] != nil, object["text"] != nil { return googleClaim(object) }
        guard let claim = string(object["claim"] ?? object["vclaim"] ?? object["claimReviewed"] ?? object["text"]) else {
            return []
        }
        return [
            FactCheck(
                id: string(object["id"] ?? object["vclaim_id"] ?? object["claim_id"]) ?? "",
                claim: claim, title: string(object["title"]), subtitle: string(object["subtitle"]),
                rating: string(object["rating"] ?? object["textualRating"] ?? object["label"]),
                url: string(object["url"] ?? object["page_url"]),
                date: DateNormalizer.normalizedOrRaw(string(object["date"] ?? object["datePublished"])),
                publisher: string(object["publisher"]), claimant: string(object["claimant"] ?? object["author"]))
        ]
    }

    private func claimReview(_ object: [String: Any]) -> FactCheck? {
        guard let claim = string(object["claimReviewed"]) ?? (object["itemReviewed"] as? [String: Any]).flatMap({ string($0["name"]) })
        else { return nil }
        let rating = object["reviewRating"] as? [String: Any]
        let item = object["itemReviewed"] as? [String: Any]
        return FactCheck(
            id: string(object["@id"]) ?? string(object["url"]) ?? "",
            claim: claim, title: string(object["name"] ?? object["headline"]),
            rating: rating.flatMap { string($0["alternateName"]) ?? string($0["ratingValue"]) },
            url: string(object["url"]),
            date: DateNormalizer.normalizedOrRaw(string(object["datePublished"])),
            publisher: JSONLD.names(object["author"] ?? object["publisher"]),
            claimant: item.flatMap { JSONLD.names($0["author"]) })
    }

    private func googleClaim(_ object: [String: Any]) -> [FactCheck] {
        guard let claim = string(object["text"]) else { return [] }
        let reviews = object["claimReview"] as? [[String: Any]] ?? []
        if reviews.isEmpty { return [FactCheck(id: "", claim: claim, claimant: string(object["claimant"]))] }
        return reviews.map { review in
            FactCheck(
                id: string(review["url"]) ?? "", claim: claim, title: string(review["title"]),
                rating: string(review["textualRating"]), url: string(review["url"]),
                date: DateNormalizer.normalizedOrRaw(string(review["reviewDate"])),
                publisher: (review["publisher"] as? [String: Any]).flatMap { string($0["name"]) ?? string($0["site"]) },
                claimant: string(object["claimant"]))
        }
    }

    private func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
