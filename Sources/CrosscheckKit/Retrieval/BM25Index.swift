internal import Foundation

/// An in-memory Okapi BM25 index over short documents (fact-checks, abstracts, passages).
///
/// Terms come from ``RetrievalTerms``; postings are kept per term as parallel arrays of document
/// numbers and term frequencies, so scoring a query touches only the documents that share a term.
public struct BM25Index: Sendable {
    /// BM25's term-frequency saturation. The default is 1.2.
    public var k1: Float
    /// BM25's length normalisation. The default is 0.75.
    public var b: Float

    private var postings: [String: (documents: [Int32], frequencies: [UInt16])] = [:]
    private var lengths: [Float] = []
    private var averageLength: Float = 1

    public init(k1: Float = 1.2, b: Float = 0.75) {
        self.k1 = k1
        self.b = b
    }

    /// Indexes `documents`; document `i` is found as number `i`.
    public init(documents: [String], k1: Float = 1.2, b: Float = 0.75) {
        self.init(k1: k1, b: b)
        for document in documents { add(RetrievalTerms.terms(document)) }
    }

    /// Number of indexed documents.
    public var count: Int { lengths.count }

    /// Adds a document given as terms; returns its number.
    @discardableResult
    public mutating func add(_ terms: [String]) -> Int {
        let number = lengths.count
        var counts: [String: UInt16] = [:]
        for term in terms { counts[term, default: 0] &+= 1 }
        for (term, frequency) in counts {
            postings[term, default: ([], [])].documents.append(Int32(number))
            postings[term]!.frequencies.append(frequency)
        }
        lengths.append(Float(terms.count))
        averageLength = (averageLength * Float(number) + Float(terms.count)) / Float(number + 1)
        return number
    }

    /// The inverse document frequency of `term` (BM25+ style, never negative).
    public func idf(_ term: String) -> Float {
        let n = Float(postings[term]?.documents.count ?? 0)
        return log(1 + (Float(count) - n + 0.5) / (n + 0.5))
    }

    /// The `limit` best documents for `query`, best first, with their scores.
    public func search(_ query: String, limit: Int) -> [(document: Int, score: Float)] {
        search(terms: RetrievalTerms.terms(query), limit: limit)
    }

    /// The `limit` best documents for query `terms`, best first.
    public func search(terms: [String], limit: Int) -> [(document: Int, score: Float)] {
        var scores: [Int32: Float] = [:]
        var queryCounts: [String: Int] = [:]
        for term in terms { queryCounts[term, default: 0] += 1 }
        for (term, queryFrequency) in queryCounts.sorted(by: { $0.key < $1.key }) {  // a fixed order: float sums stay reproducible
            guard let list = postings[term] else { continue }
            let weight = idf(term) * Float(queryFrequency)
            for position in 0..<list.documents.count {
                let document = list.documents[position]
                let frequency = Float(list.frequencies[position])
                let norm = k1 * (1 - b + b * lengths[Int(document)] / averageLength)
                scores[document, default: 0] += weight * frequency * (k1 + 1) / (frequency + norm)
            }
        }
        var ranked: [(document: Int, score: Float)] = scores.map { (document: Int($0.key), score: $0.value) }
        ranked.sort { a, b in a.score > b.score || (a.score == b.score && a.document < b.document) }
        return Array(ranked.prefix(limit))
    }

    /// The BM25 score of one document for query `terms`.
    public func score(terms: [String], document: Int) -> Float {
        var total: Float = 0
        var queryCounts: [String: Int] = [:]
        for term in terms { queryCounts[term, default: 0] += 1 }
        for (term, queryFrequency) in queryCounts.sorted(by: { $0.key < $1.key }) {  // a fixed order: float sums stay reproducible
            guard let list = postings[term], let position = list.documents.firstIndex(of: Int32(document)) else { continue }
            let frequency = Float(list.frequencies[position])
            let norm = k1 * (1 - b + b * lengths[document] / averageLength)
            total += idf(term) * Float(queryFrequency) * frequency * (k1 + 1) / (frequency + norm)
        }
        return total
    }
}
