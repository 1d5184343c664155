extension CommentScreener {
    /// Pairs of comments by different accounts that say the same thing — with a shared skeleton
    /// of words, in other words but very close in meaning, or as three accounts each close to the
    /// other two: one template reworded.
    func semanticTemplateLinks(_ meaning: ThreadMeaning, comments: [Comment]) -> [(Int, Int, Double)] {
        let words = comments.map { Set(Self.words($0.text)) }
        let ownVoice = comments.map { OwnExperience.speaks($0.text) }
        func answers(_ a: Int, _ b: Int) -> Bool { comments[a].parent == comments[b].id || comments[b].parent == comments[a].id }
        var links: [(Int, Int, Double)] = []
        // Pairs close enough to be one point made again, by two accounts neither answering the other.
        var close: [Int: [Int: Double]] = [:]
        var neighbours = [[(index: Int, similarity: Double)]](repeating: [], count: comments.count)
        let floor = min(
            thresholds.templateSimilarity, thresholds.templateTriad, thresholds.templateSetApart - thresholds.templateSetApartMargin)
        for (a, b, similarity) in meaning.similarPairs(threshold: Float(floor)) {
            guard words[a].count >= 4, words[b].count >= 4 else { continue }
            if let first = comments[a].author, let second = comments[b].author, first == second { continue }
            neighbours[a].append((b, Double(similarity)))
            neighbours[b].append((a, Double(similarity)))
            let shared = words[a].intersection(words[b]).count
            let overlap = Double(shared) / Double(words[a].union(words[b]).count)
            let skeleton =
                Double(similarity) >= thresholds.templateSimilarity && overlap >= thresholds.templateOverlap
                && Double(similarity) + overlap >= thresholds.templateScore
            // Reworded past a shared skeleton: the same point in other words. A reply that repeats
            // its parent's words ("Is it 2 till 7?" / "2 till 7.") is conversation either way.
            // Two people each telling their own experience of one point agree; by meaning alone
            // they are not one script.
            let agree = ownVoice[a] && ownVoice[b]
            if !answers(a, b), skeleton || (!agree && Double(similarity) >= thresholds.templateParaphrase) {
                links.append((a, b, Double(similarity)))
            }
            if !answers(a, b), !agree, Double(similarity) >= thresholds.templateTriad {
                close[a, default: [:]][b] = Double(similarity)
                close[b, default: [:]][a] = Double(similarity)
            }
        }
        // Three accounts making the same point, each close to the other two: a campaign, though
        // no two of them share a skeleton.
        for (a, neighbours) in close {
            for (b, ab) in neighbours where b > a {
                for (c, bc) in close[b] ?? [:] where c > b && neighbours[c] != nil {
                    links.append((a, b, ab))
                    links.append((b, c, bc))
                }
            }
        }
        for group in SetApartGroups.find(
            neighbours: neighbours, authors: comments.map(\.author), floor: thresholds.templateSetApart,
            margin: thresholds.templateSetApartMargin,
            apart: { a, b in answers(a, b) || (ownVoice[a] && ownVoice[b]) })
        {
            for (a, b) in zip(group, group.dropFirst()) {
                links.append((a, b, neighbours[a].first { $0.index == b }?.similarity ?? thresholds.templateSetApart))
            }
        }
        return links
    }
}
