public import CrosscheckKit

/// Trains the relevance model on SciFact: for each training claim, the passages its query
/// retrieves from a store of the corpus; a passage is relevant when it holds a rationale sentence
/// of one of the claim's evidence abstracts.
public struct RelevanceTraining: Sendable {
    /// Candidates per claim, as the verifier retrieves them.
    public var candidates = 10
    public var options = LogisticRegression.TrainingOptions(epochs: 30, learningRate: 0.05, l2: 1e-3, seed: 1)

    public init() {}

    /// Feature rows and labels for every claim's candidates.
    public func rows(_ data: SciFactData, store: any DocumentStore) async throws -> [(features: [Double], label: Bool)] {
        let abstracts = Dictionary(data.abstracts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [(features: [Double], label: Bool)] = []
        for claim in data.claims {
            let query = ClaimQuery.text(for: claim.text)
            let hits = try await store.search(PassageQuery(text: query, limit: candidates))
            let idf = try await store.inverseDocumentFrequencies(of: RetrievalTerms.terms(query))
            let features = RelevanceFeatures.rows(claim: query, candidates: hits.map { ($0.passage.text, $0.title, $0.score) }, idf: idf)
            for (hit, row) in zip(hits, features) {
                var relevant = false
                if let id = Int(hit.documentKey), claim.labels[id] != nil, let abstract = abstracts[id] {
                    relevant = (claim.rationales[id] ?? []).contains { index in
                        index < abstract.sentences.count && hit.passage.text.contains(abstract.sentences[index])
                    }
                }
                rows.append((row, relevant))
            }
        }
        return rows
    }

    public func train(_ rows: [(features: [Double], label: Bool)], info: [String: String] = [:]) -> RelevanceModel {
        RelevanceModel(
            model: DenseLogisticModel.train(kind: "relevance", names: RelevanceFeatures.names, rows: rows, options: options, info: info))
    }
}
