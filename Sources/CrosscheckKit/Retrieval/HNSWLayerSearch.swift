/// The search within one layer of an HNSW graph, shared by building and searching: expand the
/// nearest unexpanded node until none left could improve the `breadth` best found.
enum HNSWLayerSearch {
    /// The nodes nearest the query reachable from `entries`, nearest first, at most `breadth`.
    /// - Parameters:
    ///   - firstVisit: whether a node is seen for the first time in this search (and marks it seen).
    ///   - neighbours: a node's neighbours in this layer; a list ends at its first -1.
    ///   - similarity: a node's similarity to the query.
    static func search(
        from entries: [(node: Int32, similarity: Float)], breadth: Int, firstVisit: (Int32) -> Bool,
        neighbours: (Int32) -> UnsafeBufferPointer<Int32>, similarity: (Int32) -> Float
    ) -> [(node: Int32, similarity: Float)] {
        var candidates = ScoredHeap(nearestFirst: true)
        var found = ScoredHeap(nearestFirst: false)
        for entry in entries where firstVisit(entry.node) {
            candidates.push(entry.node, entry.similarity)
            found.push(entry.node, entry.similarity)
        }
        while let nearest = candidates.pop() {
            if found.count >= breadth, let worst = found.top, nearest.similarity < worst.similarity { break }
            for next in neighbours(nearest.node) {
                if next < 0 { break }
                guard firstVisit(next) else { continue }
                let s = similarity(next)
                if found.count < breadth || s > found.top!.similarity {
                    candidates.push(next, s)
                    found.push(next, s)
                    if found.count > breadth { _ = found.pop() }
                }
            }
        }
        return found.items.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.node < $1.node) }
    }
}

/// A binary heap of scored nodes: the most similar on top, or the least similar.
struct ScoredHeap {
    var items: [(node: Int32, similarity: Float)] = []
    let nearestFirst: Bool

    init(nearestFirst: Bool) {
        self.nearestFirst = nearestFirst
    }

    var count: Int { items.count }
    var top: (node: Int32, similarity: Float)? { items.first }

    func before(_ a: Int, _ b: Int) -> Bool {
        nearestFirst ? items[a].similarity > items[b].similarity : items[a].similarity < items[b].similarity
    }

    mutating func push(_ node: Int32, _ similarity: Float) {
        items.append((node, similarity))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (node: Int32, similarity: Float)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var chosen = parent
            if left < items.count, before(left, chosen) { chosen = left }
            if right < items.count, before(right, chosen) { chosen = right }
            if chosen == parent { break }
            items.swapAt(parent, chosen)
            parent = chosen
        }
        return top
    }
}

/// The `capacity` most similar nodes offered, kept in a heap whose top is the least of them.
struct NearestHeap {
    var heap = ScoredHeap(nearestFirst: false)
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    mutating func offer(_ node: Int32, _ similarity: Float) {
        if heap.count < capacity {
            heap.push(node, similarity)
        } else if let worst = heap.top, similarity > worst.similarity {
            _ = heap.pop()
            heap.push(node, similarity)
        }
    }

    func sorted() -> [(node: Int32, similarity: Float)] {
        heap.items.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.node < $1.node) }
    }
}
