/// A sparse feature vector: slot indices and their values.
public struct SparseVector: Sendable, Hashable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    public var count: Int { indices.count }

    public mutating func append(_ index: Int, _ value: Float) {
        indices.append(Int32(index))
        values.append(value)
    }

    /// Appends a sentence embedding as features from slot `offset` on, scaled by `scale` (unit
    /// vectors of 384 have small values beside hashed counts).
    public mutating func append(_ embedding: Embedding, from offset: Int, scale: Float = 4) {
        for (position, value) in embedding.values.enumerated() where value != 0 { append(offset + position, value * scale) }
    }

    /// Merges repeated indices by summing their values, and sorts by index.
    public mutating func coalesce() {
        guard indices.count > 1 else { return }
        let order = indices.indices.sorted { indices[$0] < indices[$1] }
        var newIndices: [Int32] = []
        var newValues: [Float] = []
        newIndices.reserveCapacity(indices.count)
        newValues.reserveCapacity(indices.count)
        for position in order {
            if let last = newIndices.last, last == indices[position] {
                newValues[newValues.count - 1] += values[position]
            } else {
                newIndices.append(indices[position])
                newValues.append(values[position])
            }
        }
        indices = newIndices
        values = newValues
    }

    /// Scales the values in `range` of entries so their Euclidean norm is one.
    public mutating func normalize(entries range: Range<Int>) {
        guard !range.isEmpty else { return }
        var sum: Float = 0
        for position in range { sum += values[position] * values[position] }
        guard sum > 0 else { return }
        let scale = 1 / sum.squareRoot()
        for position in range { values[position] *= scale }
    }
}
