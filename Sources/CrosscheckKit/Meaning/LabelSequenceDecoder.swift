import Foundation

/// The most likely sequence of labels for a run of words, given each word's label probabilities
/// from a tagger and how often each label followed each other in the tagger's training data
/// (Viterbi decoding). Reading one label a word at a time lets a content run stop for one unsure
/// word or start a word early; the label bigrams keep a run whole where the words around it agree.
public struct LabelSequenceDecoder: Sendable {
    /// `log P(next | previous)`, previous-major, with add-one smoothing of the counts.
    let logTransition: [[Double]]
    /// `log P(label)` over the training words, divided out of each word's probabilities so that
    /// a frequent label is not counted twice (once by the tagger, once by the bigrams).
    let logPrior: [Double]
    /// How much the bigrams count against the tagger's own reading of each word.
    public let transitionWeight: Double

    /// - Parameter counts: how often label `j` followed label `i` (`counts[i][j]`), one row and
    ///   column a label, from the tagger's training data.
    /// - Parameter transitionWeight: the weight of `log P(label | previous label)` in a word's score
    ///   (1 reads the bigrams as a hidden Markov model would; below 1 trusts the tagger more).
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when the table is not square or is empty.
    public init(counts: [[Double]], transitionWeight: Double = 1) throws {
        let size = counts.count
        guard size > 0, counts.allSatisfy({ $0.count == size && $0.allSatisfy { $0 >= 0 } }) else {
            throw CrosscheckError(.modelMissing, "the tagger's label transitions are not a square table of counts; retrain it")
        }
        guard transitionWeight >= 0, transitionWeight.isFinite else {
            throw CrosscheckError(.modelMissing, "the tagger's transition weight \(transitionWeight) is not a weight; restore its manifest")
        }
        self.transitionWeight = transitionWeight
        logTransition = counts.map { row in
            let total = row.reduce(0, +) + Double(size)
            return row.map { Foundation.log(($0 + 1) / total) }
        }
        let columns = (0..<size).map { column in counts.reduce(0) { $0 + $1[column] } + 1 }
        let total = columns.reduce(0, +)
        logPrior = columns.map { Foundation.log($0 / total) }
    }

    /// One label index a word: the sequence with the highest sum of `log p(label | word) − log
    /// P(label) + transitionWeight × log P(label | previous label)`.
    public func decode(_ probabilities: [[Double]]) -> [Int] {
        let size = logPrior.count
        guard !probabilities.isEmpty else { return [] }
        func emission(_ word: [Double], _ label: Int) -> Double {
            Foundation.log(max(label < word.count ? word[label] : 0, 1e-12)) - logPrior[label]
        }
        var score = (0..<size).map { emission(probabilities[0], $0) }
        var back = [[Int]](repeating: [], count: probabilities.count)
        for position in 1..<probabilities.count {
            var next = [Double](repeating: -.infinity, count: size)
            var from = [Int](repeating: 0, count: size)
            for label in 0..<size {
                for previous in 0..<size {
                    let candidate = score[previous] + transitionWeight * logTransition[previous][label]
                    if candidate > next[label] {
                        next[label] = candidate
                        from[label] = previous
                    }
                }
                next[label] += emission(probabilities[position], label)
            }
            back[position] = from
            score = next
        }
        var label = score.indices.max { score[$0] < score[$1] } ?? 0
        var result = [Int](repeating: 0, count: probabilities.count)
        for position in stride(from: probabilities.count - 1, through: 0, by: -1) {
            result[position] = label
            if position > 0 { label = back[position][label] }
        }
        return result
    }
}
