/// What a dense index's vectors are made with: the sentence encoder itself (best, about 160
/// passages a second on one core) or the static embedding distilled from it (tens of thousands a
/// second, coarser), for stores too large to encode.
public enum DenseEmbedder: Sendable {
    case transformer(SentenceEncoder)
    case distilled(StaticEmbedding)

    /// Up to this many passages a store's dense index is made with the transformer.
    public static let transformerLimit = 50_000

    /// The name a dense index records, so a query is embedded the same way.
    public var model: String {
        switch self {
        case .transformer(let encoder): encoder.identity.recorded
        case .distilled(let embedding): embedding.identity.recorded
        }
    }

    /// The unit-length vectors of `texts`; `weights` are the static embedding's token weights.
    public func embed(_ texts: [String], weights: [Float]) -> [[Float]] {
        switch self {
        case .transformer(let encoder): encoder.encode(texts).map(\.values)
        case .distilled(let embedding): texts.map { embedding.embed($0, weights: weights) }
        }
    }
}
