/// Groups of three or four comments by as many accounts that are one another's nearest comments
/// and stand apart from the rest of the thread: each pair at least `floor` alike, and each member
/// at least `margin` closer to the least alike of the others than to its nearest comment outside
/// the group. A campaign's comments reworded past any shared words still sit closer to one another
/// than to the discussion around them; comments that merely agree with each other do not stand
/// apart from it.
enum SetApartGroups {
    /// - Parameter neighbours: per comment, the other accounts' comments at least `floor - margin`
    ///   alike (nearer ones cannot change the answer), with their similarity.
    /// - Parameter apart: whether two comments can never be one template (one replies to the
    ///   other, or both tell the writer's own experience).
    /// - Returns: each group's comments, in thread order.
    static func find(
        neighbours: [[(index: Int, similarity: Double)]], authors: [String?], floor: Double, margin: Double,
        apart: (Int, Int) -> Bool
    ) -> [[Int]] {
        let ranked = neighbours.map { $0.sorted { ($0.similarity, -$0.index) > ($1.similarity, -$1.index) } }
        var found: Set<[Int]> = []
        for size in 3...4 {
            for start in ranked.indices where ranked[start].count >= size - 1 {
                let group = ([start] + ranked[start].prefix(size - 1).map(\.index)).sorted()
                guard !found.contains(group), Set(group.map { authors[$0] ?? "#\($0)" }).count == size else { continue }
                if stands(group, ranked: ranked, floor: floor, margin: margin, apart: apart) { found.insert(group) }
            }
        }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    private static func stands(
        _ group: [Int], ranked: [[(index: Int, similarity: Double)]], floor: Double, margin: Double, apart: (Int, Int) -> Bool
    ) -> Bool {
        let members = Set(group)
        for member in group {
            let nearest = ranked[member].prefix(group.count - 1)
            guard Set(nearest.map(\.index)) == members.subtracting([member]) else { return false }
            let inner = nearest.map(\.similarity).min() ?? -1
            let outside = ranked[member].count >= group.count ? ranked[member][group.count - 1].similarity : -1
            guard inner >= floor, inner >= outside + margin else { return false }
        }
        for a in group { for b in group where a < b && apart(a, b) { return false } }
        return true
    }
}
