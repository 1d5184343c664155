public import Foundation

/// Finds earlier fact-checks of the same claim in other words.
///
/// BM25 over each fact-check's claim, title and subtitle proposes candidates; a trained re-ranker
/// (logistic regression over lexical, fuzzy, numeric, name and date features; see
/// ``MatchFeatures``) orders them and gives each a score in 0...1. Social-media text is normalised
/// first (``SocialText``).
public struct ClaimMatcher: Sendable {
    /// How matching behaves.
    public struct Configuration: Sendable, Hashable {
        /// BM25 candidates re-ranked per query. The default is 50.
        public var candidates: Int
        /// Scores at or above this are suggested matches. The default is 0.3.
        public var suggestThreshold: Double
        /// Scores at or above this are strong matches. The default is 0.7.
        public var strongThreshold: Double
        /// Queries with fewer content words are not matched. The default is 3.
        public var minimumWords: Int
        /// Only fact-checks published at most this many days before the claim's date (and not after
        /// it) are considered, when the claim has a date. `nil` (the default) considers all.
        public var recencyDays: Int?
        /// BM25 parameters of the candidate index. The defaults are 1.2 and 0.75.
        public var k1: Float
        public var b: Float

        public init(
            candidates: Int = 50, suggestThreshold: Double = 0.3, strongThreshold: Double = 0.7, minimumWords: Int = 3,
            recencyDays: Int? = nil, k1: Float = 1.2, b: Float = 0.75
        ) {
            self.k1 = k1
            self.b = b
            self.candidates = candidates
            self.suggestThreshold = suggestThreshold
            self.strongThreshold = strongThreshold
            self.minimumWords = minimumWords
            self.recencyDays = recencyDays
        }
    }

    /// One match.
    public struct Match: Sendable, Hashable {
        public var factCheck: FactCheck
        public var score: Double
        /// Whether the score clears the strong-match threshold (otherwise it is a suggestion).
        public var strong: Bool
    }

    public let factChecks: [FactCheck]
    public var configuration: Configuration
    public var reranker: MatchReranker?
    /// Compares claims by meaning as well as words, when present.
    public let encoder: SentenceEncoder?
    let features: MatchFeatures

    /// A matcher over `factChecks`; with `encoder`, their claims are embedded once here (or read
    /// from `stored`, which keeps them for the next process), so candidates also come from dense
    /// retrieval and the re-ranker sees their closeness in meaning.
    public init(
        factChecks: [FactCheck], reranker: MatchReranker? = nil, configuration: Configuration = .init(),
        encoder: SentenceEncoder? = nil, stored: FixedEmbeddings? = nil
    ) {
        self.factChecks = factChecks
        self.reranker = reranker
        self.configuration = configuration
        self.encoder = encoder
        let texts = factChecks.map(Self.embeddedText)
        self.features = MatchFeatures(
            factChecks: factChecks, k1: configuration.k1, b: configuration.b,
            embeddings: encoder.map { encoder in stored?.embeddings(of: texts, encoder: encoder) ?? encoder.encode(texts) })
    }

    /// What of a fact-check is embedded: its claim and title.
    public static func embeddedText(_ factCheck: FactCheck) -> String {
        [factCheck.claim, factCheck.title].compactMap { $0 }.joined(separator: ". ")
    }

    /// The candidates for `text` with their feature vectors, best BM25 first, then those only
    /// dense retrieval found.
    public func candidates(for text: String, date: Date? = nil) -> [(index: Int, features: [Float])] {
        let claimDate = date ?? SocialText.signOffDate(text).flatMap(DateNormalizer.date)
        let query = encoder?.encode(SocialText.normalize(text))
        return features.candidates(for: text, date: claimDate, limit: configuration.candidates, query: query)
    }

    /// The best matches for `text`, best first, at most `limit`, each with a score in 0...1.
    ///
    /// - Parameters:
    ///   - date: When the claim was made; used for date features and the recency window.
    ///   - includeWeak: Also return candidates below the suggest threshold (batch evaluation needs
    ///     a full ranking). The default is `false`.
    public func match(_ text: String, date: Date? = nil, limit: Int = 5, includeWeak: Bool = false) -> [Match] {
        let normalized = SocialText.normalize(text)
        guard RetrievalTerms.terms(normalized).count >= configuration.minimumWords || includeWeak else { return [] }
        let claimDate = date ?? SocialText.signOffDate(text).flatMap(DateNormalizer.date)
        var scored: [(Int, Double)] = candidates(for: text, date: claimDate).map { candidate in
            (candidate.index, reranker?.score(candidate.features) ?? Double(candidate.features[MatchFeatures.relativeBM25]) * 0.5)
        }
        if let days = configuration.recencyDays, let claimDate {
            scored = scored.filter { index, _ in
                guard let published = features.dates[index] else { return true }
                let age = claimDate.timeIntervalSince(published) / 86_400
                return age >= -1 && age <= Double(days)
            }
        }
        scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        return scored.prefix(limit).compactMap { index, score in
            guard includeWeak || score >= configuration.suggestThreshold else { return nil }
            return Match(factCheck: factChecks[index], score: score.rounded(toPlaces: 6), strong: score >= configuration.strongThreshold)
        }
    }
}
