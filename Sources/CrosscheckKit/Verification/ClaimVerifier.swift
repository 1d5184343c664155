public import Foundation

/// Verifies claims: retrieves passages for a claim, judges each one's stance and adds the stances
/// up to a verdict. A compound claim is also judged part by part; parts that disagree make it
/// `mixed`.
public struct ClaimVerifier: Sendable {
    public var judge: PassageJudge
    public var policy: VerdictPolicy
    /// Passages retrieved per query before re-ranking.
    public var candidates = 30
    /// Passages judged per claim after re-ranking.
    public var passagesPerClaim = 5
    /// At most this many passages from one document.
    public var passagesPerDocument = 2

    public init(model: StanceModel, policy: VerdictPolicy = VerdictPolicy()) {
        self.judge = PassageJudge(model: model)
        self.policy = policy
    }

    /// Verifies `claim` against passages it is given.
    /// - Parameter quote: the claim's quotation, when the claims stage found one (else it is looked
    ///   for in the claim text).
    public func verify(claim: String, quote: Quotation? = nil, passages: [EvidencePassage]) -> ClaimVerification {
        var statement = Statement(claim, quotations: quote == nil)
        if let quote { statement.quotations = [quote] }
        let read = passages.map { Statement($0.text, quotations: !statement.quotations.isEmpty) }
        let stances = read.map { judge.judge(claim: statement, passage: $0) }
        var (label, confidence) = policy.verdict(stances)
        var reasons: [String] = []

        let parts = ClaimParts.split(claim)
        if parts.count > 1 {
            let verdicts = parts.map { part -> (String, String) in
                let partStatement = Statement(part)
                return (part, policy.verdict(read.map { judge.judge(claim: partStatement, passage: $0) }).label)
            }
            let supported = verdicts.filter { $0.1 == "supported" }
            let refuted = verdicts.filter { $0.1 == "refuted" }
            if let yes = supported.first, let no = refuted.first {
                label = "mixed"
                confidence = min(stances.map(\.supports).max() ?? 0, stances.map(\.refutes).max() ?? 0, 1)
                confidence = max(confidence, policy.support)
                reasons.append("“\(yes.0)” is supported but “\(no.0)” is refuted")
            }
        }
        return ClaimVerification(
            label: label, confidence: confidence.rounded(toPlaces: 4), passages: Array(zip(passages, stances)), reasons: reasons)
    }

    /// Retrieves passages for `claim` from `store` and verifies it against the best of them.
    /// - Parameters:
    ///   - since: only documents published at or after this time.
    ///   - until: only documents published before this time.
    public func verify(
        claim: String, quote: Quotation? = nil, store: any EvidenceStore, since: Date? = nil, until: Date? = nil
    ) async throws -> ClaimVerification {
        let hits = try await retrieve(claim: claim, quote: quote, store: store, since: since, until: until)
        return verify(claim: claim, quote: quote, passages: hits.map(EvidencePassage.init))
    }

    /// The passages to judge for `claim`: one query for the claim and one for its quotation,
    /// merged, re-ranked by how much of the claim each passage covers, a few per document.
    public func retrieve(
        claim: String, quote: Quotation? = nil, store: any EvidenceStore, since: Date? = nil, until: Date? = nil
    ) async throws -> [PassageHit] {
        var queries = [ClaimQuery.text(for: claim)]
        if let quote, quote.text.split(separator: " ").count >= 3 {
            queries.append(quote.text + (quote.speaker.map { " " + $0 } ?? ""))
        }
        var found: [String: PassageHit] = [:]
        for query in queries where !query.isEmpty {
            for hit in try await store.search(PassageQuery(text: query, since: since, until: until, limit: candidates)) {
                let key = "\(hit.documentID)/\(hit.passage.ordinal)"
                if (found[key]?.score ?? -.infinity) < hit.score { found[key] = hit }
            }
        }
        let claimTerms = Set(RetrievalTerms.terms(claim))
        let best = found.values.map(\.score).max() ?? 1
        let ranked = found.values.map { hit -> (PassageHit, Double) in
            let terms = Set(RetrievalTerms.terms((hit.title.map { $0 + " " } ?? "") + hit.passage.text))
            let coverage = claimTerms.isEmpty ? 0 : Double(claimTerms.intersection(terms).count) / Double(claimTerms.count)
            return (hit, coverage + 0.5 * hit.score / max(best, 1e-9))
        }.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : (a.0.documentID, a.0.passage.ordinal) < (b.0.documentID, b.0.passage.ordinal) }
        var perDocument: [Int64: Int] = [:]
        var result: [PassageHit] = []
        for (hit, _) in ranked where result.count < passagesPerClaim {
            guard perDocument[hit.documentID, default: 0] < passagesPerDocument else { continue }
            perDocument[hit.documentID, default: 0] += 1
            result.append(hit)
        }
        return result
    }
}

/// Turns a claim into a search query.
public enum ClaimQuery {
    /// The claim's key terms: words without stop words, attribution verbs and reporting phrases,
    /// numbers as written.
    public static func text(for claim: String) -> String {
        let reporting: Set<String> = ["said", "says", "told", "according", "claimed", "claims", "stated", "reported", "announced"]
        return RetrievalTerms.terms(claim, stem: false).filter { !reporting.contains($0) }.joined(separator: " ")
    }
}
