/// What the sentence encoder says about a thread: how close each comment is in meaning to its
/// article (title and paragraphs), to the other comments, and to comments that fit any article.
struct ThreadMeaning {
    let encoder: SentenceEncoder
    let comments: [Embedding]
    let articleUnits: [Embedding]
    let articleCentroid: Embedding?
    let generic: [Embedding]
    /// Text about unrelated subjects (``UnrelatedTopics``): the background a comment's
    /// closeness to its article is measured against.
    let unrelated: [Embedding]

    /// Encodes the article's title and paragraphs and the comments in one pass.
    init(encoder: SentenceEncoder, article: Article?, comments: [String], generic: [Embedding], unrelated: [Embedding] = []) {
        let units = (article.map { Self.units(of: $0) } ?? []).filter { !$0.isEmpty }
        self.encoder = encoder
        let vectors = encoder.encode(units + comments)
        articleUnits = Array(vectors[0..<units.count])
        self.comments = Array(vectors[units.count...])
        articleCentroid = Embedding.centroid(articleUnits)
        self.generic = generic
        self.unrelated = unrelated
    }

    /// The parts of an article a comment may be about: the title and each paragraph. (Single
    /// sentences were tried too: they lift off-topic comments as much as on-topic ones.)
    static func units(of article: Article) -> [String] {
        [article.title].compactMap { $0 } + article.paragraphs
    }

    /// The comment's closeness to its article: the better of its best paragraph (or the title)
    /// and the article as a whole.
    func relatedness(_ index: Int) -> Double { closeness(of: comments[index]) }

    /// The comment's mean closeness to text about unrelated subjects: what any comment shares
    /// with any text (register, length, common words), to be discounted.
    func background(_ index: Int) -> Double { background(of: comments[index]) }

    /// How much closer each text (one not in the thread, such as a whole exchange read as one) is
    /// in meaning to the article than to unrelated subjects: what a comment's lift is to it.
    func lifts(of texts: [String]) -> [Double] {
        encoder.encode(texts).map { closeness(of: $0) - background(of: $0) }
    }

    private func closeness(of vector: Embedding) -> Double {
        let best = articleUnits.map { vector.cosine($0) }.max() ?? -1
        return max(best, articleCentroid.map { vector.cosine($0) } ?? -1)
    }

    private func background(of vector: Embedding) -> Double {
        guard !unrelated.isEmpty else { return 0 }
        return unrelated.reduce(0.0) { $0 + vector.cosine($1) } / Double(unrelated.count)
    }

    /// The comment's closeness to the nearest comment that fits any article, and which one.
    func genericness(_ index: Int) -> (score: Double, prototype: Int) {
        var best = -1.0
        var prototype = 0
        for (position, vector) in generic.enumerated() {
            let similarity = comments[index].cosine(vector)
            if similarity > best {
                best = similarity
                prototype = position
            }
        }
        return (best, prototype)
    }

    func similarity(_ a: Int, _ b: Int) -> Double { comments[a].cosine(comments[b]) }

    /// Pairs of comments at least `threshold` alike, found with blocked matrix products so a
    /// thread of thousands stays fast.
    func similarPairs(threshold: Float) -> [(Int, Int, Float)] {
        guard let blas = try? BLAS.library() else { return [] }
        let count = comments.count
        guard count > 1, let width = comments.first?.values.count, width > 0 else { return [] }
        var matrix = [Float](repeating: 0, count: count * width)
        for (row, vector) in comments.enumerated() where vector.values.count == width {
            for j in 0..<width { matrix[row * width + j] = vector.values[j] }
        }
        let block = 256
        var products = [Float](repeating: 0, count: block * block)
        var pairs: [(Int, Int, Float)] = []
        matrix.withUnsafeBufferPointer { matrix in
            products.withUnsafeMutableBufferPointer { products in
                for rowStart in stride(from: 0, to: count, by: block) {
                    let rows = min(block, count - rowStart)
                    for columnStart in stride(from: rowStart, to: count, by: block) {
                        let columns = min(block, count - columnStart)
                        BLAS.sgemm(
                            blas, transposeA: false, transposeB: true, m: rows, n: columns, k: width, alpha: 1,
                            a: matrix.baseAddress! + rowStart * width, lda: width,
                            b: matrix.baseAddress! + columnStart * width, ldb: width, beta: 0,
                            c: products.baseAddress!, ldc: columns)
                        for r in 0..<rows {
                            for c in 0..<columns {
                                let a = rowStart + r
                                let b = columnStart + c
                                guard b > a else { continue }
                                let value = products[r * columns + c]
                                if value >= threshold { pairs.append((a, b, value)) }
                            }
                        }
                    }
                }
            }
        }
        return pairs
    }
}
