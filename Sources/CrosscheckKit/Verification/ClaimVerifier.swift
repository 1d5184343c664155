public import Foundation

/// Verifies claims: retrieves passages for a claim, judges each one's stance and adds the stances
/// up to a verdict. A compound claim is also judged part by part; parts that disagree make it
/// `mixed`.
public struct ClaimVerifier: Sendable {
    public var judge: PassageJudge
    public var policy: VerdictPolicy
    /// Decides which retrieved passages are about the claim; `nil` ranks by shared terms alone.
    public var relevance: RelevanceModel?
    /// Passages retrieved per query before re-ranking.
    public var candidateCount = 10
    /// Finds passages by meaning beside BM25, when the store has a dense index.
    public var dense: DenseRetriever?
    /// Passages the dense retriever adds per query (those BM25 found already count once).
    public var denseCount = 10
    /// Passages judged per claim after re-ranking.
    public var passagesPerClaim = 5
    /// At most this many passages from one document.
    public var passagesPerDocument = 2

    /// - Parameters:
    ///   - inference: the trained inference model; without it the word-cue `model` decides.
    ///   - policy: the thresholds and calibration; by default the ones tuned for whichever model decides.
    public init(model: StanceModel, inference: InferenceModel? = nil, relevance: RelevanceModel? = nil, policy: VerdictPolicy? = nil) {
        self.judge = PassageJudge(model: model, inference: inference)
        self.relevance = relevance
        self.policy = policy ?? (inference == nil ? VerdictPolicy() : .inference)
    }

    /// The verifier with the shipped models: the inference model when `encoder` is given and its
    /// files are present, else the word-cue stance model.
    public static func bundled(encoder: SentenceEncoder? = nil, relevance: Bool = true, from models: ModelDirectory? = nil) throws -> ClaimVerifier {
        let models = try models ?? .standard()
        return ClaimVerifier(
            model: try StanceModel.bundled(from: models), inference: try encoder.flatMap { try InferenceModel.bundled(encoder: $0, from: models) },
            relevance: relevance ? try RelevanceModel.bundled(from: models) : nil)
    }

    /// Verifies `claim` against passages it is given.
    /// - Parameter quote: the claim's quotation, when the claims stage found one (else it is looked
    ///   for in the claim text).
    public func verify(claim: String, quote: Quotation? = nil, passages: [EvidencePassage]) -> ClaimVerification {
        verify([ClaimEvidence(claim: claim, quote: quote, passages: passages)])[0]
    }

    /// A claim and the passages to verify it against.
    public struct ClaimEvidence: Sendable {
        public var claim: String
        public var quote: Quotation?
        public var passages: [EvidencePassage]

        public init(claim: String, quote: Quotation? = nil, passages: [EvidencePassage]) {
            self.claim = claim
            self.quote = quote
            self.passages = passages
        }
    }

    /// Verifies each claim against its passages, in order. The model reads every (claim, passage)
    /// pair of every claim — and of each part of a compound claim — in one batch.
    public func verify(_ items: [ClaimEvidence]) -> [ClaimVerification] {
        // Each claim's statement, its passages read, and its parts when it is compound.
        let plans = items.map { item -> (statement: Statement, read: [Statement], parts: [Statement]) in
            var statement = Statement(item.claim, quotations: item.quote == nil)
            if let quote = item.quote { statement.quotations = [quote] }
            let read = item.passages.map { Statement($0.text, quotations: !statement.quotations.isEmpty) }
            let parts = ClaimParts.split(item.claim)
            return (statement, read, parts.count > 1 ? parts.map { Statement($0) } : [])
        }
        var pairs: [(claim: String, evidence: String)] = []
        for plan in plans {
            for claim in [plan.statement] + plan.parts {
                pairs += plan.read.map { (claim: claim.text, evidence: $0.text) }
            }
        }
        var priors = judge.priors(pairs)[...]
        func judged(_ claim: Statement, _ read: [Statement]) -> [PassageStance] {
            let mine = priors.prefix(read.count)
            priors = priors.dropFirst(read.count)
            return zip(read, mine).map { judge.judge(claim: claim, passage: $0, prior: $1) }
        }
        return zip(items, plans).map { item, plan in
            let stances = judged(plan.statement, plan.read)
            var (label, confidence) = policy.verdict(stances)
            var reasons: [String] = []
            if !plan.parts.isEmpty {
                let verdicts = plan.parts.map { part in (part.text, policy.verdict(judged(part, plan.read)).label) }
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
                label: label, confidence: confidence.rounded(toPlaces: 4), passages: Array(zip(item.passages, stances)), reasons: reasons)
        }
    }

    /// Retrieves passages for `claim` from `store` and verifies it against the relevant ones.
    /// - Parameters:
    ///   - since: only documents published at or after this time.
    ///   - until: only documents published before this time.
    public func verify(
        claim: String, quote: Quotation? = nil, store: any DocumentStore, since: Date? = nil, until: Date? = nil
    ) async throws -> ClaimVerification {
        verify(claim: claim, quote: quote, retrieved: try await retrieve(claim: claim, quote: quote, store: store, since: since, until: until))
    }

    /// Verifies `claim` against passages ``retrieve(claim:quote:store:since:until:)`` found; none
    /// found is "not enough info" with that reason.
    public func verify(claim: String, quote: Quotation? = nil, retrieved: [RankedPassage]) -> ClaimVerification {
        verify([(claim: claim, quote: quote, retrieved: retrieved)])[0]
    }

    /// Verifies each claim against the passages retrieved for it, all in one batch for the model;
    /// a claim with none found is "not enough info" with that reason.
    public func verify(_ items: [(claim: String, quote: Quotation?, retrieved: [RankedPassage])]) -> [ClaimVerification] {
        let verifications = verify(
            items.map { item in
                ClaimEvidence(claim: item.claim, quote: item.quote, passages: item.retrieved.map { EvidencePassage($0.hit, relevance: $0.relevance) })
            })
        return zip(items, verifications).map { item, verification in
            var verification = verification
            if item.retrieved.isEmpty { verification.reasons.append("no passage in the evidence store is about this claim") }
            return verification
        }
    }

    /// The passages to judge for `claim`: the relevant ones among the candidates, most relevant
    /// first, a few per document.
    public func retrieve(
        claim: String, quote: Quotation? = nil, store: any DocumentStore, since: Date? = nil, until: Date? = nil
    ) async throws -> [RankedPassage] {
        let ranked = try await candidates(claim: claim, quote: quote, store: store, since: since, until: until)
        let threshold = relevance?.threshold ?? 0
        var perDocument: [Int64: Int] = [:]
        var result: [RankedPassage] = []
        for candidate in ranked where result.count < passagesPerClaim && candidate.relevance >= threshold {
            guard perDocument[candidate.hit.documentID, default: 0] < passagesPerDocument else { continue }
            perDocument[candidate.hit.documentID, default: 0] += 1
            result.append(candidate)
        }
        return result
    }

    /// Every candidate passage for `claim` with the probability that it is about the claim, most
    /// relevant first: the claim's query, plus its quotation's when it has one. Without a
    /// relevance model, the share of the claim's terms a passage covers stands in.
    public func candidates(
        claim: String, quote: Quotation? = nil, store: any DocumentStore, since: Date? = nil, until: Date? = nil
    ) async throws -> [RankedPassage] {
        // Each query's words for BM25, and the text its meaning is taken from.
        var queries = [(words: ClaimQuery.text(for: claim), meaning: claim)]
        if let quote, quote.text.split(separator: " ").count >= 3 {
            let text = quote.text + (quote.speaker.map { " " + $0 } ?? "")
            queries.append((text, text))
        }
        var found: [String: RankedPassage] = [:]
        for (query, meaning) in queries where !query.isEmpty {
            var hits = try await store.search(PassageQuery(text: query, since: since, until: until, limit: candidateCount))
            if let dense {
                let near = try await dense.hits(
                    near: meaning, scoredFor: PassageQuery(text: query, since: since, until: until, limit: denseCount), in: store)
                let known = Set(hits.map { "\($0.documentID)/\($0.passage.ordinal)" })
                hits += near.filter { !known.contains("\($0.documentID)/\($0.passage.ordinal)") }
                hits.sort { a, b in a.score > b.score || (a.score == b.score && a.documentID < b.documentID) }
            }
            let scores: [Double]
            if let relevance {
                let idf = try await store.inverseDocumentFrequencies(of: RetrievalTerms.terms(query))
                scores = relevance.probabilities(claim: query, candidates: hits.map { ($0.passage.text, $0.title, $0.score) }, idf: idf)
            } else {
                let claimTerms = Set(RetrievalTerms.terms(claim))
                scores = hits.map { hit in
                    let terms = Set(RetrievalTerms.terms((hit.title.map { $0 + " " } ?? "") + hit.passage.text))
                    return claimTerms.isEmpty ? 0 : Double(claimTerms.intersection(terms).count) / Double(claimTerms.count)
                }
            }
            for (hit, score) in zip(hits, scores) {
                let key = "\(hit.documentID)/\(hit.passage.ordinal)"
                if (found[key]?.relevance ?? -1) < score { found[key] = RankedPassage(hit: hit, relevance: score) }
            }
        }
        return found.values.sorted { a, b in
            a.relevance != b.relevance
                ? a.relevance > b.relevance : (a.hit.documentID, a.hit.passage.ordinal) < (b.hit.documentID, b.hit.passage.ordinal)
        }
    }
}

/// A retrieved passage and the probability that it is about the claim.
public struct RankedPassage: Sendable {
    public var hit: PassageHit
    public var relevance: Double
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
