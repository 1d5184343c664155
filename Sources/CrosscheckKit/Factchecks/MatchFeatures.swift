public import Foundation

/// The features the claim-matching re-ranker sees for a (query, fact-check) pair.
public struct MatchFeatures: Sendable {
    /// Feature names, in vector order.
    public static let names = [
        "bm25.relative", "bm25.absolute", "rank.reciprocal", "bm25.claim", "bm25.title", "overlap.query",
        "overlap.document", "trigram.claim", "trigram.title", "numbers.shared", "numbers.query.only", "names.shared",
        "date.close", "date.known", "date.before", "length.ratio", "bias.top1", "date.week", "date.month",
        "date.year",
    ]
    static let relativeBM25 = 0

    let all: BM25Index
    let claims: BM25Index
    let titles: BM25Index
    let claimGrams: [SparseVector]
    let titleGrams: [SparseVector]
    let terms: [Set<String>]
    let numbers: [Set<String>]
    let names: [Set<String>]
    let dates: [Date?]

    init(factChecks: [FactCheck], k1: Float = 1.2, b: Float = 0.75) {
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

    func candidates(for text: String, date: Date?, limit: Int) -> [(index: Int, features: [Float])] {
        let normalized = SocialText.normalize(text)
        let queryTerms = RetrievalTerms.terms(normalized)
        let querySet = Set(queryTerms)
        let hits = all.search(terms: queryTerms, limit: limit)
        guard let top = hits.first?.score, top > 0 else { return [] }
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
            features[0] = hit.score / top
            features[1] = min(hit.score / selfScore, 2)
            features[2] = 1 / Float(rank + 1)
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
            return (document, features)
        }
    }

    static func numbers(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { !$0.isNumber && $0 != "." && $0 != "," }).map { $0.filter(\.isNumber) }
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
/// It holds two weight vectors: one for candidates whose publication date and the claim's date
/// are both known (dates are a strong signal: a fact-check usually follows the claim within days),
/// and one for the rest, trained on the same queries with the date features blanked.
public struct MatchReranker: Sendable {
    public var weights: [Float]
    public var bias: Float
    /// Weights used when the dates are not known.
    public var plainWeights: [Float]
    public var plainBias: Float
    public var info: [String: String]

    public init(weights: [Float], bias: Float, plainWeights: [Float], plainBias: Float, info: [String: String] = [:]) {
        self.weights = weights
        self.bias = bias
        self.plainWeights = plainWeights
        self.plainBias = plainBias
        self.info = info
    }

    static let dateKnown = MatchFeatures.names.firstIndex(of: "date.known")!
    static let dateFeatures = MatchFeatures.names.indices.filter { MatchFeatures.names[$0].hasPrefix("date.") }

    /// The probability that the candidate is a match.
    public func score(_ features: [Float]) -> Double {
        let dated = features[Self.dateKnown] > 0
        var sum = dated ? bias : plainBias
        for (weight, value) in zip(dated ? weights : plainWeights, features) { sum += weight * value }
        return 1 / (1 + exp(-Double(sum)))
    }

    public var version: String { info["version"] ?? "unversioned" }

    /// Trains both weight vectors on candidate lists: each candidate's features and whether it matches.
    public static func train(_ examples: [(features: [Float], label: Bool)], seed: UInt64 = 1, info: [String: String] = [:]) -> MatchReranker {
        func fit(_ rows: [(features: [Float], label: Bool)]) -> LogisticRegression {
            let vectors = rows.map { example -> (vector: SparseVector, label: Bool, weight: Float) in
                var vector = SparseVector()
                for (index, value) in example.features.enumerated() where value != 0 { vector.append(index, value) }
                return (vector, example.label, example.label ? 3 : 1)
            }
            return LogisticRegression.train(
                vectors, dimensions: MatchFeatures.names.count, options: .init(epochs: 30, learningRate: 0.1, l2: 1e-4, seed: seed))
        }
        let dated = fit(examples)
        let plain = fit(examples.map { example in
            var features = example.features
            for index in dateFeatures { features[index] = 0 }
            return (features, example.label)
        })
        return MatchReranker(weights: dated.weights, bias: dated.bias, plainWeights: plain.weights, plainBias: plain.bias, info: info)
    }

    public func encoded() -> Data {
        var header = info
        header["bias"] = String(bias)
        header["plainBias"] = String(plainBias)
        header["features"] = MatchFeatures.names.joined(separator: ",")
        return ModelFile(kind: "match", header: header, weights: weights + plainWeights).encoded()
    }

    public static func load(from data: Data) throws -> MatchReranker {
        let file = try ModelFile(decoding: data, kind: "match")
        let count = MatchFeatures.names.count
        guard file.header["features"] == MatchFeatures.names.joined(separator: ","), let bias = Float(file.header["bias"] ?? ""),
            let plainBias = Float(file.header["plainBias"] ?? ""), file.weights.count == 2 * count
        else {
            throw CrosscheckError(.modelMissing, "the match model was made for other features; rebuild it with crosscheck train match")
        }
        return MatchReranker(
            weights: Array(file.weights[0..<count]), bias: bias, plainWeights: Array(file.weights[count...]), plainBias: plainBias,
            info: file.header)
    }

    public static var bundledURL: URL? {
        Bundle.module.url(forResource: "match", withExtension: "model", subdirectory: "Resources/Models")
    }

    /// The shipped re-ranker.
    public static func bundled() throws -> MatchReranker {
        guard let url = bundledURL else {
            throw CrosscheckError(.modelMissing, "the claim-matching model is missing from the build; rebuild, or run crosscheck train match")
        }
        return try load(from: Data(contentsOf: url))
    }
}
