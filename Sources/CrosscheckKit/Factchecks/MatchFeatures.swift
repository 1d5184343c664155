public import Foundation

/// The features the claim-matching re-ranker sees for a (query, fact-check) pair.
public struct MatchFeatures: Sendable {
    /// Feature names, in vector order.
    public static let names = [
        "bm25.relative", "bm25.absolute", "rank.reciprocal", "bm25.claim", "bm25.title", "overlap.query",
        "overlap.document", "trigram.claim", "trigram.title", "numbers.shared", "numbers.query.only", "names.shared",
        "date.close", "date.known", "date.before", "length.ratio", "bias.top1", "date.week", "date.month",
        "date.year", "dense.claim", "dense.rank.reciprocal", "dense.known",
    ]
    static let relativeBM25 = 0
    static let denseFeatures = names.indices.filter { names[$0].hasPrefix("dense.") }
    /// Candidates added from dense retrieval beside BM25's.
    static let denseCandidates = 20

    let all: BM25Index
    let claims: BM25Index
    let titles: BM25Index
    let claimGrams: [SparseVector]
    let titleGrams: [SparseVector]
    let terms: [Set<String>]
    let numbers: [Set<String>]
    let names: [Set<String>]
    let dates: [Date?]
    /// The fact-checks' claims embedded by the sentence encoder, when there is one.
    let embeddings: [Embedding]?

    init(factChecks: [FactCheck], k1: Float = 1.2, b: Float = 0.75, embeddings: [Embedding]? = nil) {
        self.embeddings = embeddings
        var all = BM25Index(k1: k1, b: b)
        var claims = BM25Index(k1: k1, b: b)
        var titles = BM25Index(k1: k1, b: b)
        var claimGrams: [SparseVector] = []
        var titleGrams: [SparseVector] = []
        var terms: [Set<String>] = []
        var numbers: [Set<String>] = []
        var names: [Set<String>] = []
        var dates: [Date?] = []
        for check in factChecks {
            let allTerms = RetrievalTerms.terms(check.searchText)
            all.add(allTerms)
            claims.add(RetrievalTerms.terms(check.claim))
            titles.add(RetrievalTerms.terms([check.title, check.subtitle].compactMap { $0 }.joined(separator: " ")))
            claimGrams.append(CharacterGrams.vector(check.claim))
            titleGrams.append(CharacterGrams.vector(check.title ?? check.claim))
            terms.append(Set(allTerms))
            numbers.append(Self.numbers(check.searchText))
            names.append(Self.names(check.searchText))
            dates.append(check.date.flatMap(DateNormalizer.date))
        }
        self.all = all
        self.claims = claims
        self.titles = titles
        self.claimGrams = claimGrams
        self.titleGrams = titleGrams
        self.terms = terms
        self.numbers = numbers
        self.names = names
        self.dates = dates
    }

    /// BM25's best `limit` candidates and, with `query` embedded, the closest in meaning, each
    /// with its feature vector; BM25's first.
    func candidates(for text: String, date: Date?, limit: Int, query: Embedding? = nil) -> [(index: Int, features: [Float])] {
        let normalized = SocialText.normalize(text)
        let queryTerms = RetrievalTerms.terms(normalized)
        let querySet = Set(queryTerms)
        var hits = all.search(terms: queryTerms, limit: limit)
        var denseRank: [Int: Int] = [:]
        var similarity: [Int: Float] = [:]
        if let query, let embeddings {
            let scored = embeddings.enumerated().map { ($0.offset, Float($0.element.cosine(query))) }
            for (rank, (document, score)) in scored.sorted(by: { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }).enumerated() {
                similarity[document] = score
                if rank < Self.denseCandidates { denseRank[document] = rank }
            }
            let lexical = Set(hits.map(\.document))
            let extra = denseRank.keys.filter { !lexical.contains($0) }.sorted { denseRank[$0]! < denseRank[$1]! }
            if !extra.isEmpty {
                var allScores: [Int: Float] = [:]
                for hit in all.search(terms: queryTerms, limit: Int.max) { allScores[hit.document] = hit.score }
                hits += extra.map { (document: $0, score: allScores[$0] ?? 0) }
            }
        }
        guard let top = hits.first?.score, top > 0 || !denseRank.isEmpty else { return [] }
        let lexicalCount = min(hits.count, limit)
        let selfScore = max(queryTerms.reduce(Float(0)) { $0 + all.idf($1) }, 1)
        let queryGrams = CharacterGrams.vector(normalized)
        let queryNumbers = Self.numbers(normalized)
        let queryNames = Self.names(normalized)
        var claimScores: [Int: Float] = [:]
        for hit in claims.search(terms: queryTerms, limit: Int.max) { claimScores[hit.document] = hit.score }
        var titleScores: [Int: Float] = [:]
        for hit in titles.search(terms: queryTerms, limit: Int.max) { titleScores[hit.document] = hit.score }
        return hits.enumerated().map { rank, hit in
            let document = hit.document
            let shared = Float(querySet.intersection(terms[document]).count)
            var features = [Float](repeating: 0, count: Self.names.count)
            features[0] = top > 0 ? hit.score / top : 0
            features[1] = min(hit.score / selfScore, 2)
            features[2] = rank < lexicalCount ? 1 / Float(rank + 1) : 0
            features[3] = min((claimScores[document] ?? 0) / selfScore, 2)
            features[4] = min((titleScores[document] ?? 0) / selfScore, 2)
            features[5] = querySet.isEmpty ? 0 : shared / Float(querySet.count)
            features[6] = terms[document].isEmpty ? 0 : shared / Float(terms[document].count)
            features[7] = CharacterGrams.cosine(queryGrams, claimGrams[document])
            features[8] = CharacterGrams.cosine(queryGrams, titleGrams[document])
            features[9] = queryNumbers.isDisjoint(with: numbers[document]) ? 0 : 1
            features[10] = !queryNumbers.isEmpty && queryNumbers.isDisjoint(with: numbers[document]) ? 1 : 0
            let sharedNames = Float(queryNames.intersection(names[document]).count)
            features[11] = queryNames.isEmpty ? 0 : min(sharedNames / Float(queryNames.count), 1)
            if let date, let published = dates[document] {
                let days = Float(published.timeIntervalSince(date) / 86_400)
                features[12] = days >= -3 ? exp(-max(days, 0) / 30) : 0
                features[13] = 1
                features[14] = days < -3 ? 1 : 0
                features[17] = days >= -3 && days <= 7 ? 1 : 0
                features[18] = days > 7 && days <= 31 ? 1 : 0
                features[19] = days > 31 && days <= 365 ? 1 : 0
            }
            features[15] = log(Float(max(terms[document].count, 1)) / Float(max(querySet.count, 1)))
            features[16] = rank == 0 ? 1 : 0
            if let score = similarity[document] {
                features[20] = score
                features[21] = denseRank[document].map { 1 / Float($0 + 1) } ?? 0
                features[22] = 1
            }
            return (document, features)
        }
    }

    static func numbers(_ text: String) -> Set<String> {
        Set(
            text.split(whereSeparator: { !$0.isNumber && $0 != "." && $0 != "," }).map { $0.filter(\.isNumber) }
                .filter { !$0.isEmpty && $0 != "0" })
    }

    /// Capitalised words not at the start of a sentence, lower-cased.
    static func names(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var afterStop = true
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let letters = word.filter(\.isLetter)
            if let first = letters.first, first.isUppercase, !afterStop, letters.count > 1,
                !Lexicon.commonCapitalised.contains(letters.lowercased())
            {
                result.insert(letters.lowercased())
            }
            afterStop = word.last.map { ".!?:".contains($0) } ?? false
        }
        return result
    }
}

/// The trained re-ranker for claim matching: logistic regression over ``MatchFeatures``.
///
/// It holds four weight vectors: with and without the claim's and the fact-check's dates (dates
/// are a strong signal: a fact-check usually follows the claim within days), and with and
/// without the sentence encoder's features (so the matcher still ranks well by words alone when
/// the encoder is not installed), each trained on the same candidates with the absent features
/// blanked.
public struct MatchReranker: Sendable {
    /// A weight vector and its bias.
    public struct Variant: Sendable, Hashable {
        public var weights: [Float]
        public var bias: Float
    }

    /// Keyed by ``variantName(dated:dense:)``.
    public var variants: [String: Variant]
    public var info: [String: String]

    public init(variants: [String: Variant], info: [String: String] = [:]) {
        self.variants = variants
        self.info = info
    }

    static let dateKnown = MatchFeatures.names.firstIndex(of: "date.known")!
    static let denseKnown = MatchFeatures.names.firstIndex(of: "dense.known")!
    static let dateFeatures = MatchFeatures.names.indices.filter { MatchFeatures.names[$0].hasPrefix("date.") }
    static let variantNames = ["dated+dense", "plain+dense", "dated", "plain"]

    static func variantName(dated: Bool, dense: Bool) -> String { (dated ? "dated" : "plain") + (dense ? "+dense" : "") }

    /// The weights used with dates and dense features known.
    public var weights: [Float] { variants["dated+dense"]?.weights ?? [] }

    /// The probability that the candidate is a match.
    public func score(_ features: [Float]) -> Double {
        let name = Self.variantName(dated: features[Self.dateKnown] > 0, dense: features[Self.denseKnown] > 0)
        guard let variant = variants[name] else { return 0 }
        var sum = variant.bias
        for (weight, value) in zip(variant.weights, features) { sum += weight * value }
        return 1 / (1 + exp(-Double(sum)))
    }

    public var version: String { info["version"] ?? "unversioned" }

    /// Trains every variant on candidate lists: each candidate's features and whether it matches.
    public static func train(_ examples: [(features: [Float], label: Bool)], seed: UInt64 = 1, info: [String: String] = [:]) -> MatchReranker {
        func fit(dated: Bool, dense: Bool) -> Variant {
            let vectors = examples.map { example -> (vector: SparseVector, label: Bool, weight: Float) in
                var vector = SparseVector()
                for (index, value) in example.features.enumerated() where value != 0 {
                    if !dated && dateFeatures.contains(index) { continue }
                    if !dense && MatchFeatures.denseFeatures.contains(index) { continue }
                    vector.append(index, value)
                }
                return (vector, example.label, example.label ? 3 : 1)
            }
            let model = LogisticRegression.train(
                vectors, dimensions: MatchFeatures.names.count, options: .init(epochs: 30, learningRate: 0.1, l2: 1e-4, seed: seed))
            return Variant(weights: model.weights, bias: model.bias)
        }
        var variants: [String: Variant] = [:]
        for dated in [true, false] {
            for dense in [true, false] { variants[variantName(dated: dated, dense: dense)] = fit(dated: dated, dense: dense) }
        }
        return MatchReranker(variants: variants, info: info)
    }

    public func encoded() -> Data {
        var header = info
        for name in Self.variantNames { header["bias." + name] = String(variants[name]?.bias ?? 0) }
        header["features"] = MatchFeatures.names.joined(separator: ",")
        header["variants"] = Self.variantNames.joined(separator: ",")
        return ModelFile(kind: "match", header: header, weights: Self.variantNames.flatMap { variants[$0]?.weights ?? [] }).encoded()
    }

    public static func load(from data: Data) throws -> MatchReranker {
        let file = try ModelFile(decoding: data, kind: "match")
        let count = MatchFeatures.names.count
        guard file.header["features"] == MatchFeatures.names.joined(separator: ","),
            file.header["variants"] == variantNames.joined(separator: ","), file.weights.count == variantNames.count * count
        else {
            throw CrosscheckError(.modelMissing, "the match model was made for other features; rebuild it with crosscheck train match")
        }
        var variants: [String: Variant] = [:]
        for (position, name) in variantNames.enumerated() {
            guard let bias = Float(file.header["bias." + name] ?? "") else {
                throw CrosscheckError(.modelMissing, "the match model has no bias for \(name); rebuild it with crosscheck train match")
            }
            variants[name] = Variant(weights: Array(file.weights[(position * count)..<((position + 1) * count)]), bias: bias)
        }
        return MatchReranker(variants: variants, info: file.header)
    }

    /// The shipped re-ranker, from `models` (by default ``ModelDirectory/standard(environment:)``).
    public static func bundled(from models: ModelDirectory? = nil) throws -> MatchReranker {
        let models = try models ?? .standard()
        guard let url = models.file("match.model") else {
            throw CrosscheckError(
                .modelMissing, "the claim-matching model is not in \(models); rebuild, or run crosscheck train match", adjustment: .modelDirectory)
        }
        return try load(from: Data(contentsOf: url))
    }
}
