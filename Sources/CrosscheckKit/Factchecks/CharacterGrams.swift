/// Unit-length vectors of hashed character trigrams, for fuzzy text similarity.
enum CharacterGrams {
    static let dimensions = 1 << 18

    static func vector(_ text: String) -> SparseVector {
        var bytes: [UInt8] = [0x20]
        var lastSpace = true
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isLetter || scalar.isDigit {
                if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                }
                lastSpace = false
            } else if !lastSpace {
                bytes.append(0x20)
                lastSpace = true
            }
        }
        if !lastSpace { bytes.append(0x20) }
        var vector = SparseVector()
        guard bytes.count >= 3 else { return vector }
        for start in 0...(bytes.count - 3) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for offset in 0..<3 {
                hash ^= UInt64(bytes[start + offset])
                hash = hash &* 0x100_0000_01b3
            }
            vector.append(Int(FeatureHash.mix(hash) & UInt64(dimensions - 1)), 1)
        }
        vector.coalesce()
        vector.normalize(entries: 0..<vector.count)
        return vector
    }

    /// The cosine of two unit vectors with sorted indices.
    static func cosine(_ a: SparseVector, _ b: SparseVector) -> Float {
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < a.count, j < b.count {
            if a.indices[i] == b.indices[j] {
                sum += a.values[i] * b.values[j]
                i += 1
                j += 1
            } else if a.indices[i] < b.indices[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
