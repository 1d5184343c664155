import Synchronization

/// Embeddings kept by text, shared by the copies of an encoder that hold it. When full it starts
/// again empty, so memory stays bounded by `capacity` embeddings (about 1.5 KB each for MiniLM).
public final class EmbeddingMemo: Sendable {
    public let capacity: Int
    private let table = Mutex<[String: Embedding]>([:])

    public init(capacity: Int = 50_000) {
        self.capacity = max(1, capacity)
    }

    func embedding(of text: String) -> Embedding? { table.withLock { $0[text] } }

    func keep(_ embedding: Embedding, for text: String) {
        table.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[text] = embedding
        }
    }

    /// How many embeddings are kept.
    public var count: Int { table.withLock { $0.count } }
}
