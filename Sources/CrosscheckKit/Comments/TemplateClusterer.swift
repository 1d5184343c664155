/// Groups comments that share a template: the same words, or the same skeleton with a few content
/// words swapped ("The plan is a mistake we will all pay for" / "The decision is a blunder we
/// will all pay for").
///
/// Linear in the number of comments: exact repeats collapse first; skeletons (function words kept,
/// other words masked) group by hash; MinHash over word pairs finds near-copies through
/// locality-sensitive buckets, each member checked against the bucket's first.
struct TemplateClusterer {
    /// Words kept in a skeleton.
    static let anchors: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "it", "its", "it's",
        "of", "to", "in", "on", "for", "with", "as", "at", "by", "from", "and", "or", "but", "not", "no", "so", "very",
        "i", "we", "you", "they", "he", "she", "my", "our", "your", "their", "everyone", "everybody", "all", "what", "how",
        "really", "just", "more", "most", "such", "will", "would", "can", "should", "must", "has",
        "have", "had", "do", "does", "great", "good", "thanks", "thank", "please", "about",
    ]

    static let bands = 16
    static let rows = 3

    /// A cluster number for each comment, or `nil` when it shares no template. `links` are pairs
    /// already known to share one (found by meaning), joined with those found here by words.
    func clusters(_ texts: [String], links: [(Int, Int)] = []) -> [Int?] {
        let tokens = texts.map { text in
            text.lowercased().unicodeScalars.split(whereSeparator: { !$0.isLetter && !$0.isDigit && $0 != "'" })
                .map { String(String.UnicodeScalarView($0)) }
        }
        var parent = Array(texts.indices)
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var node = x
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a)
            let rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for (a, b) in links where texts.indices.contains(a) && texts.indices.contains(b) { union(a, b) }
        // Exact repeats (ignoring case and punctuation).
        var exact: [String: Int] = [:]
        for (index, words) in tokens.enumerated() where words.count >= 4 {
            let key = words.joined(separator: " ")
            if let first = exact[key] { union(first, index) } else { exact[key] = index }
        }
        // Skeletons: at least six words, at least three of them anchors and two masked.
        var skeletons: [String: Int] = [:]
        for (index, words) in tokens.enumerated() where words.count >= 6 {
            let masked = words.map { Self.anchors.contains($0) ? $0 : "_" }
            let kept = masked.count { $0 != "_" }
            guard kept >= 3, masked.count - kept >= 2, kept * 10 >= masked.count * 4 else { continue }
            let key = masked.joined(separator: " ")
            if let first = skeletons[key] { union(first, index) } else { skeletons[key] = index }
        }
        // MinHash over word pairs, in bands.
        var signatures: [[UInt64]] = []
        var shingleSets: [Set<UInt64>] = []
        for words in tokens {
            var shingles: Set<UInt64> = []
            if words.count >= 2 {
                for position in 1..<words.count {
                    shingles.insert(FeatureHash.mix(FeatureHash.hash(words[position - 1]) &* 31 ^ FeatureHash.hash(words[position])))
                }
            }
            shingleSets.append(shingles)
            var signature = [UInt64](repeating: .max, count: Self.bands * Self.rows)
            for shingle in shingles {
                for slot in 0..<signature.count {
                    let value = FeatureHash.mix(shingle ^ UInt64(slot + 1) &* 0x9E37_79B9_7F4A_7C15)
                    if value < signature[slot] { signature[slot] = value }
                }
            }
            signatures.append(signature)
        }
        for band in 0..<Self.bands {
            var buckets: [UInt64: Int] = [:]
            for (index, signature) in signatures.enumerated() where shingleSets[index].count >= 4 {
                var key: UInt64 = UInt64(band)
                for row in 0..<Self.rows { key = FeatureHash.mix(key ^ signature[band * Self.rows + row]) }
                if let first = buckets[key] {
                    guard find(first) != find(index) else { continue }
                    let a = shingleSets[first]
                    let b = shingleSets[index]
                    let shared = a.count < b.count ? a.count { b.contains($0) } : b.count { a.contains($0) }
                    let jaccard = Double(shared) / Double(a.count + b.count - shared)
                    if jaccard >= 0.4 { union(first, index) }
                } else {
                    buckets[key] = index
                }
            }
        }
        // Number the groups of two or more, in page order.
        var sizes: [Int: Int] = [:]
        for index in texts.indices { sizes[find(index), default: 0] += 1 }
        var numbers: [Int: Int] = [:]
        return texts.indices.map { index in
            let root = find(index)
            guard sizes[root, default: 0] >= 2 else { return nil }
            if let number = numbers[root] { return number }
            let number = numbers.count + 1
            numbers[root] = number
            return number
        }
    }
}
