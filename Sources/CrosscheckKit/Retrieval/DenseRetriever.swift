import Foundation

/// Finds a store's passages by meaning: a query's vector against the passages' vectors in the
/// store's ``DenseIndex``. It works beside BM25, not instead of it: it brings passages that say
/// the same in other words, and the relevance model still decides what is about the claim.
public struct DenseRetriever: Sendable {
    public let embedder: DenseEmbedder
    public let index: DenseIndex
    let weights: [Float]

    /// - Throws: ``CrosscheckError`` when the index was made with another model.
    public init(embedder: DenseEmbedder, index: DenseIndex) throws {
        guard index.model == embedder.model else {
            throw CrosscheckError(
                .unreadable, "the dense index was made with \(index.model), not \(embedder.model); rebuild it with crosscheck sources index")
        }
        self.embedder = embedder
        self.index = index
        self.weights = index.weights()
    }

    /// The row ids of the `limit` passages nearest `text` in meaning, nearest first; `exact`
    /// reads every vector even when the index has a graph.
    public func search(_ text: String, limit: Int, exact: Bool = false) -> [(rowID: Int64, similarity: Float)] {
        let vector = vector(text)
        guard vector.contains(where: { $0 != 0 }) else { return [] }
        return index.search(vector, limit: limit, exact: exact)
    }

    /// The query vector of `text`, made as the passages' vectors were.
    public func vector(_ text: String) -> [Float] {
        embedder.embed([text], weights: weights).first ?? []
    }

    /// The passages nearest `text` that pass `query`'s filters, nearest first, at most its limit,
    /// each scored by BM25 for the query's text as a search would score it (so the relevance
    /// model reads them like any other candidate).
    public func hits(near text: String, scoredFor query: PassageQuery, in store: any DocumentStore) async throws -> [PassageHit] {
        let filtered = query.since != nil || query.until != nil || query.source != nil
        let found = search(text, limit: filtered ? query.limit * 20 : query.limit)
        return Array(try await store.passages(rowIDs: found.map(\.rowID), scoredFor: query).prefix(query.limit))
    }
}
