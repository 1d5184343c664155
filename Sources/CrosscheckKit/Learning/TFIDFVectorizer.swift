internal import Foundation

/// A plain TF-IDF bag of word n-grams with an exact vocabulary: the lexical baseline ("peer")
/// that evaluations compare the engine's models with.
///
/// Sublinear term frequency (1 + log tf), smoothed IDF (log((1 + n) / (1 + df)) + 1), unit length.
public struct TFIDFVectorizer: Sendable {
    public private(set) var vocabulary: [String: Int32] = [:]
    public private(set) var idf: [Float] = []
    public var ngrams: Int
    public var minDocumentFrequency: Int

    public init(ngrams: Int = 2, minDocumentFrequency: Int = 2) {
        self.ngrams = ngrams
        self.minDocumentFrequency = minDocumentFrequency
    }

    public var dimensions: Int { idf.count }

    /// Lower-cased word and number tokens.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" {
                current.append(character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func terms(_ text: String) -> [String] {
        let words = Self.tokens(text)
        var terms = words
        if ngrams >= 2, words.count > 1 {
            for index in 1..<words.count { terms.append(words[index - 1] + " " + words[index]) }
        }
        if ngrams >= 3, words.count > 2 {
            for index in 2..<words.count { terms.append(words[index - 2] + " " + words[index - 1] + " " + words[index]) }
        }
        return terms
    }

    /// Learns the vocabulary and IDF weights from `documents`.
    public mutating func fit(_ documents: [String]) {
        var frequency: [String: Int] = [:]
        for document in documents {
            for term in Set(terms(document)) { frequency[term, default: 0] += 1 }
        }
        let kept = frequency.filter { $0.value >= minDocumentFrequency }.keys.sorted()
        vocabulary = [:]
        idf = []
        let n = Float(documents.count)
        for (index, term) in kept.enumerated() {
            vocabulary[term] = Int32(index)
            idf.append(log((1 + n) / (1 + Float(frequency[term]!))) + 1)
        }
    }

    /// The TF-IDF vector of `text`.
    public func vector(_ text: String) -> SparseVector {
        var counts: [Int32: Float] = [:]
        for term in terms(text) {
            if let index = vocabulary[term] { counts[index, default: 0] += 1 }
        }
        var vector = SparseVector()
        for (index, count) in counts.sorted(by: { $0.key < $1.key }) {
            vector.append(Int(index), (1 + log(count)) * idf[Int(index)])
        }
        vector.normalize(entries: 0..<vector.count)
        return vector
    }
}
