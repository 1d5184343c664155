import Foundation

/// An HNSW graph over quantised unit vectors, linked one node at a time (Malkov & Yashunin,
/// 2018): each node gets a random top layer; it is found from the entry point layer by layer and
/// linked to the neighbours the selection heuristic keeps (those nearer to it than to each other),
/// and a neighbour whose list overflows is pruned by the same heuristic. Node levels come from a fixed seed, so
/// the same passages always make the same file.
struct HNSWGraph: Sendable {
    let neighbours: Int
    let count: Int
    /// `2 × neighbours` slots a node on the bottom layer, -1 where unused.
    var base: [Int32]
    /// Where each node's upper-layer lists start in `upper` (its layer 1 first), -1 for none.
    var upperStart: [Int32]
    /// `neighbours` slots per node and upper layer.
    var upper: [Int32] = []
    var entry = 0
    var topLevel = 0

    init(neighbours: Int, count: Int) {
        self.neighbours = neighbours
        self.count = count
        base = []
        upperStart = []
    }

    var baseWidth: Int { 2 * neighbours }

    mutating func link(vectors: [Int8], scales: [Float], dimensions: Int, breadth: Int) {
        guard count > 0 else { return }
        base = [Int32](repeating: -1, count: count * baseWidth)
        upperStart = [Int32](repeating: -1, count: count)
        var random = SeededRandom(seed: 1)
        let levelFactor = 1 / log(Double(neighbours))
        var levels = [Int](repeating: 0, count: count)
        for node in 0..<count {
            let uniform = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
            levels[node] = min(Int(-log(uniform) * levelFactor), 16)
            if levels[node] > 0 {
                upperStart[node] = Int32(upper.count)
                upper += [Int32](repeating: -1, count: levels[node] * neighbours)
            }
        }
        var stamps = [UInt32](repeating: 0, count: count)
        var stamp: UInt32 = 0
        vectors.withUnsafeBufferPointer { vectors in
            scales.withUnsafeBufferPointer { scales in
                let base = vectors.baseAddress!
                func similarity(_ a: Int32, _ b: Int32) -> Float {
                    Float(DenseIndexBuilder.dot(base + Int(a) * dimensions, base + Int(b) * dimensions, dimensions)) * scales[Int(a)]
                        * scales[Int(b)]
                }
                entry = 0
                topLevel = levels[0]
                for node in 1..<count {
                    let q = Int32(node)
                    var current = Int32(entry)
                    var currentSimilarity = similarity(q, current)
                    if topLevel > levels[node] {
                        for level in stride(from: topLevel, to: levels[node], by: -1) {
                            var moved = true
                            while moved {
                                moved = false
                                for next in list(current, level) where next >= 0 {
                                    let s = similarity(q, next)
                                    if s > currentSimilarity {
                                        current = next
                                        currentSimilarity = s
                                        moved = true
                                    }
                                }
                            }
                        }
                    }
                    var entries = [(node: current, similarity: currentSimilarity)]
                    for level in stride(from: min(levels[node], topLevel), through: 0, by: -1) {
                        stamp &+= 1
                        if stamp == 0 {
                            for i in stamps.indices { stamps[i] = 0 }
                            stamp = 1
                        }
                        let mark = stamp
                        let found = withList(level) { lists in
                            HNSWLayerSearch.search(
                                from: entries, breadth: breadth,
                                firstVisit: { node in
                                    if stamps[Int(node)] == mark { return false }
                                    stamps[Int(node)] = mark
                                    return true
                                }, neighbours: lists, similarity: { similarity(q, $0) })
                        }
                        let chosen = Self.select(found, keep: neighbours, similarity: similarity)
                        setList(q, level, chosen)
                        let width = level == 0 ? baseWidth : neighbours
                        for other in chosen {
                            var theirs = list(other, level).filter { $0 >= 0 }
                            if theirs.count < width {
                                theirs.append(q)
                            } else {
                                theirs.append(q)
                                let scored: [(node: Int32, similarity: Float)] = theirs.map { ($0, similarity(other, $0)) }
                                let nearest = scored.sorted { a, b in
                                    a.similarity > b.similarity || (a.similarity == b.similarity && a.node < b.node)
                                }
                                theirs = Self.select(nearest, keep: width, similarity: similarity)
                            }
                            setList(other, level, theirs)
                        }
                        entries = found
                    }
                    if levels[node] > topLevel {
                        topLevel = levels[node]
                        entry = node
                    }
                }
            }
        }
    }

    /// The neighbour selection heuristic: from candidates nearest first, keep each one that is
    /// nearer the new node than to every one kept already, up to `keep`.
    static func select(
        _ candidates: [(node: Int32, similarity: Float)], keep: Int, similarity: (Int32, Int32) -> Float
    ) -> [Int32] {
        var kept: [Int32] = []
        for candidate in candidates {
            if kept.count == keep { break }
            if kept.allSatisfy({ similarity(candidate.node, $0) < candidate.similarity }) { kept.append(candidate.node) }
        }
        return kept
    }

    func slot(_ node: Int32, _ level: Int) -> (start: Int, width: Int) {
        level == 0
            ? (Int(node) * baseWidth, baseWidth)
            : (Int(upperStart[Int(node)]) + (level - 1) * neighbours, neighbours)
    }

    func list(_ node: Int32, _ level: Int) -> ArraySlice<Int32> {
        let (start, width) = slot(node, level)
        return level == 0 ? base[start..<(start + width)] : upper[start..<(start + width)]
    }

    mutating func setList(_ node: Int32, _ level: Int, _ values: [Int32]) {
        let (start, width) = slot(node, level)
        for i in 0..<width {
            let value = i < values.count ? values[i] : -1
            if level == 0 { base[start + i] = value } else { upper[start + i] = value }
        }
    }

    /// Calls `body` with a function giving a node's list on `level` as a buffer.
    func withList<T>(_ level: Int, _ body: ((Int32) -> UnsafeBufferPointer<Int32>) -> T) -> T {
        (level == 0 ? base : upper).withUnsafeBufferPointer { storage in
            body { node in
                let (start, width) = slot(node, level)
                return UnsafeBufferPointer(rebasing: storage[start..<(start + width)])
            }
        }
    }
}

/// SplitMix64: a small generator with a fixed seed, for levels that do not change from run to run.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
