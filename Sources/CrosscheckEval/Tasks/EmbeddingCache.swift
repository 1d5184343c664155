public import CrosscheckKit
internal import Foundation

/// Sentence embeddings computed once per distinct text and kept, for training and measuring
/// runs that see the same texts several times.
public final class EmbeddingCache: @unchecked Sendable {
    let encoder: SentenceEncoder
    private var stored: [String: Embedding] = [:]
    private let lock = NSLock()

    public init(_ encoder: SentenceEncoder) {
        self.encoder = encoder
    }

    /// The embeddings of `texts`, in order, encoding those not seen before in one batch.
    public func embed(_ texts: [String]) -> [Embedding] {
        let missing = lock.withLock { Set(texts.filter { stored[$0] == nil }).sorted() }
        if !missing.isEmpty {
            let vectors = encoder.encode(missing)
            lock.withLock { for (text, vector) in zip(missing, vectors) { stored[text] = vector } }
        }
        return lock.withLock { texts.map { stored[$0]! } }
    }
}
