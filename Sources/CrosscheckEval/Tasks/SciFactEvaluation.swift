public import CrosscheckKit
public import Foundation

/// SciFact abstract-level evaluation: retrieve abstracts for each claim from a store built from
/// the corpus, label the retrieved ones `SUPPORT` or `CONTRADICT` (or leave them), and score
/// retrieval recall@3 and label-only precision, recall and F1 against the gold evidence.
public struct SciFactEvaluation: Sendable {
    public var verifier: ClaimVerifier
    /// Abstracts considered for labelling per claim.
    public var abstractsPerClaim = 3
    /// Sentences of an abstract judged for its label: those sharing most terms with the claim.
    public var sentencesPerAbstract = 2
    /// Label every evidence abstract `SUPPORT` (an ablation: what the stance step adds).
    public var supportOnly = false
    /// The dense list's weight against BM25's when their rankings of abstracts are fused.
    public var denseWeight = 1.0

    public init(verifier: ClaimVerifier) {
        self.verifier = verifier
    }

    /// The scores of one run.
    public struct Result: Sendable {
        public var claims = 0
        public var goldPairs = 0
        public var recallAt3 = 0.0
        public var precision = 0.0
        public var recall = 0.0
        public var f1 = 0.0
        /// The "top-1 abstract, always SUPPORT" floor on the same retrieval.
        public var topOneSupportF1 = 0.0
        public var predictions: [String: Int] = [:]
    }

    /// Imports every abstract into `store` as one document (title as its title, its sentences as
    /// its text), keyed by its SciFact id.
    public static func importCorpus(_ data: SciFactData, into store: any DocumentStore) async throws {
        let documents = data.abstracts.map { abstract in
            EvidenceDocument(
                externalID: String(abstract.id), source: "scifact", title: abstract.title, retrieved: "2020-05-01T00:00:00Z",
                text: abstract.sentences.joined(separator: " "))
        }
        var start = 0
        while start < documents.count {
            _ = try await store.add(Array(documents[start..<min(start + 500, documents.count)]))
            start += 500
        }
    }

    /// Abstract ids for `claim`, best first, from passage hits.
    public func rankedAbstracts(_ claim: String, store: any DocumentStore) async throws -> [Int] {
        let query = PassageQuery(text: ClaimQuery.text(for: claim), limit: 60)
        var lists = [try await store.search(query)]
        if let dense = verifier.dense { lists.append(try await dense.hits(near: claim, scoredFor: query, in: store)) }
        // Reciprocal rank fusion of each list's abstracts (by their first passage in it).
        var fused: [Int: Double] = [:]
        for (list, hits) in lists.enumerated() {
            var seen: Set<Int> = []
            for hit in hits {
                guard let id = Int(hit.documentKey), seen.insert(id).inserted else { continue }
                fused[id, default: 0] += (list == 0 ? 1 : denseWeight) / Double(60 + seen.count)
            }
        }
        return fused.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The abstracts judged to be evidence for `claim`, most relevant first: each abstract's
    /// relevance is its best passage's, and only those over the relevance model's threshold count.
    public func evidenceAbstracts(_ claim: String, store: any DocumentStore) async throws -> [Int] {
        let candidates = try await verifier.candidates(claim: claim, store: store)
        var best: [Int: Double] = [:]
        for candidate in candidates {
            guard let id = Int(candidate.hit.documentKey) else { continue }
            best[id] = max(best[id] ?? 0, candidate.relevance)
        }
        let threshold = verifier.relevance?.threshold ?? 0
        return best.filter { $0.value >= threshold }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(abstractsPerClaim).map(\.key)
    }

    /// The label for an abstract judged to be evidence: `CONTRADICT` when its two sentences
    /// closest to the claim refute it more strongly than they support it, else `SUPPORT`.
    public func label(claim: String, abstract: SciFactData.Abstract) -> String {
        let claimTerms = Set(RetrievalTerms.terms(claim))
        let shared: [Int] = abstract.sentences.map { Set(RetrievalTerms.terms($0)).intersection(claimTerms).count }
        let order: [Int] = abstract.sentences.indices.sorted { a, b in shared[a] != shared[b] ? shared[a] > shared[b] : a < b }
        let passages: [EvidencePassage] = order.prefix(sentencesPerAbstract).map { index in
            EvidencePassage(id: String(index), text: abstract.sentences[index], title: abstract.title)
        }
        let verification = verifier.verify(claim: claim, passages: passages)
        switch verification.label {
        case "refuted": return "CONTRADICT"
        case "mixed":
            let support = verification.passages.map(\.stance.supports).max() ?? 0
            let refute = verification.passages.map(\.stance.refutes).max() ?? 0
            return support >= refute ? "SUPPORT" : "CONTRADICT"
        default: return "SUPPORT"
        }
    }

    public func run(_ data: SciFactData, store: any DocumentStore) async throws -> Result {
        let abstracts = Dictionary(data.abstracts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result = Result()
        var found = 0, gold = 0, correct = 0, predicted = 0, trivialCorrect = 0, trivialPredicted = 0
        for claim in data.claims {
            result.claims += 1
            let ranked = try await rankedAbstracts(claim.text, store: store)
            gold += claim.labels.count
            found += claim.labels.keys.count { ranked.prefix(3).contains($0) }
            if let top = ranked.first {
                trivialPredicted += 1
                if claim.labels[top] == "SUPPORT" { trivialCorrect += 1 }
            }
            for id in try await evidenceAbstracts(claim.text, store: store) {
                guard let abstract = abstracts[id] else { continue }
                let label = supportOnly ? "SUPPORT" : label(claim: claim.text, abstract: abstract)
                predicted += 1
                result.predictions[label, default: 0] += 1
                if claim.labels[id] == label { correct += 1 }
            }
        }
        func f1(_ correct: Int, _ predicted: Int) -> (Double, Double, Double) {
            let p = predicted == 0 ? 0 : Double(correct) / Double(predicted)
            let r = gold == 0 ? 0 : Double(correct) / Double(gold)
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
        }
        result.goldPairs = gold
        result.recallAt3 = gold == 0 ? 0 : Double(found) / Double(gold)
        (result.precision, result.recall, result.f1) = f1(correct, predicted)
        result.topOneSupportF1 = f1(trivialCorrect, trivialPredicted).2
        return result
    }
}
