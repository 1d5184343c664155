public import Foundation

/// Features of each retrieved passage that say whether it is evidence about the claim at all:
/// its BM25 score against the best the query could score and against the other candidates, its
/// rank, how much of the claim's weight (IDF) its text, best sentences and title cover, shared
/// word pairs, and whether it has the claim's numbers.
public enum RelevanceFeatures {
    public static let names = [
        "score.max", "score.top", "gap.top", "gap.next", "rank.0", "rank.1", "rank.2", "rank.3-4", "rank.log", "coverage.passage",
        "coverage.sentence1", "coverage.sentence2", "coverage.title", "bigrams.passage", "bigrams.sentence", "claim.length",
        "numbers", "top.max",
    ]

    /// BM25's k1, as the stores score with it.
    static let k1 = 1.2

    /// One row per candidate, in the order given (best retrieval score first).
    /// - Parameters:
    ///   - claim: the claim's query text.
    ///   - candidates: each candidate's text, title and retrieval score.
    ///   - idf: inverse document frequencies of the claim's terms in the store.
    public static func rows(claim: String, candidates: [(text: String, title: String?, score: Double)], idf: [String: Double]) -> [[Double]] {
        let queryTerms = RetrievalTerms.terms(claim)
        let claimSet = Set(queryTerms)
        let weight: (String) -> Double = { idf[$0] ?? 1 }
        // Sums run in sorted order: a Set's order changes from run to run, and so would the last bits.
        let claimWeight = max(claimSet.sorted().reduce(0) { $0 + weight($1) }, 1e-9)
        let maximum = max((k1 + 1) * queryTerms.reduce(0) { $0 + weight($1) }, 1e-9)
        let claimBigrams = Set(bigrams(queryTerms))
        let digitTerms = claimSet.filter { $0.first?.isNumber == true }
        func coverage(_ terms: Set<String>) -> Double {
            claimSet.intersection(terms).sorted().reduce(0) { $0 + weight($1) } / claimWeight
        }
        func bigramShare(_ pairs: Set<String>) -> Double {
            claimBigrams.isEmpty ? 0 : Double(claimBigrams.intersection(pairs).count) / Double(claimBigrams.count)
        }
        let scores = candidates.map(\.score)
        let top = scores.first ?? 0
        let second = scores.count > 1 ? scores[1] : 0
        return candidates.enumerated().map { rank, candidate in
            let sentences = SentenceSegmenter().sentences(in: Array(candidate.text.unicodeScalars)).map {
                RetrievalTerms.terms(String(String.UnicodeScalarView(Array(candidate.text.unicodeScalars)[$0.start..<$0.end])))
            }
            let titleTerms = RetrievalTerms.terms(candidate.title ?? "")
            let all = Set(titleTerms).union(sentences.joined())
            let sentenceCoverage = sentences.map { coverage(Set($0)) }.sorted(by: >)
            let sentencePairs = sentences.map { Set(bigrams($0)) }
            let allPairs = sentencePairs.reduce(Set(bigrams(titleTerms))) { $0.union($1) }
            let next = rank + 1 < scores.count ? scores[rank + 1] : 0
            return [
                candidate.score / maximum, top > 0 ? candidate.score / top : 0, (top - second) / maximum, (candidate.score - next) / maximum,
                rank == 0 ? 1 : 0, rank == 1 ? 1 : 0, rank == 2 ? 1 : 0, (3..<5).contains(rank) ? 1 : 0, log(1 + Double(rank)),
                coverage(all), sentenceCoverage.first ?? 0, sentenceCoverage.count > 1 ? sentenceCoverage[1] : 0, coverage(Set(titleTerms)),
                bigramShare(allPairs), sentencePairs.map(bigramShare).max() ?? 0, log(1 + Double(queryTerms.count)),
                digitTerms.isEmpty ? 0.5 : Double(digitTerms.intersection(all).count) / Double(digitTerms.count), top / maximum,
            ]
        }
    }

    static func bigrams(_ terms: [String]) -> [String] {
        terms.count < 2 ? [] : (1..<terms.count).map { terms[$0 - 1] + " " + terms[$0] }
    }
}
