/// A unit-length sentence embedding: the dot product of two is their cosine similarity.
public struct Embedding: Sendable, Hashable {
    public var values: [Float]

    public init(_ values: [Float]) { self.values = values }

    /// The cosine similarity with `other` (both unit length), in -1...1.
    public func cosine(_ other: Embedding) -> Double {
        guard values.count == other.values.count else { return 0 }
        var sum: Float = 0
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                for i in 0..<a.count { sum += a[i] * b[i] }
            }
        }
        return Double(sum)
    }

    /// The normalised mean of `embeddings`: the direction they share.
    public static func centroid(_ embeddings: [Embedding]) -> Embedding? {
        guard let width = embeddings.first?.values.count, width > 0 else { return nil }
        var sum = [Float](repeating: 0, count: width)
        for embedding in embeddings where embedding.values.count == width {
            for i in 0..<width { sum[i] += embedding.values[i] }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return nil }
        return Embedding(sum.map { $0 / norm })
    }
}
