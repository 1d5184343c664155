/// Precision, recall, F1 and ranking metrics for binary decisions.
public enum BinaryMetrics {
    /// Precision, recall and F1 of the positive class when `score >= threshold` means positive.
    public static func f1(scores: [Double], labels: [Bool], threshold: Double) -> (precision: Double, recall: Double, f1: Double) {
        var truePositive = 0.0
        var falsePositive = 0.0
        var falseNegative = 0.0
        for (score, label) in zip(scores, labels) {
            let predicted = score >= threshold
            if predicted && label {
                truePositive += 1
            } else if predicted {
                falsePositive += 1
            } else if label {
                falseNegative += 1
            }
        }
        let precision = truePositive + falsePositive == 0 ? 0 : truePositive / (truePositive + falsePositive)
        let recall = truePositive + falseNegative == 0 ? 0 : truePositive / (truePositive + falseNegative)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    /// Average precision: the mean of precision at each positive, ranking by score (ties keep input order).
    public static func averagePrecision(scores: [Double], labels: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var hits = 0.0
        var sum = 0.0
        for (rank, index) in order.enumerated() where labels[index] {
            hits += 1
            sum += hits / Double(rank + 1)
        }
        let positives = labels.count { $0 }
        return positives == 0 ? 0 : sum / Double(positives)
    }

    /// Mean of the average precision of each group that has at least one positive.
    public static func meanAveragePrecision(groups: [(scores: [Double], labels: [Bool])]) -> Double {
        let values = groups.filter { $0.labels.contains(true) }.map { averagePrecision(scores: $0.scores, labels: $0.labels) }
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The threshold that maximises F1 on the given scores, and that F1.
    public static func bestThreshold(scores: [Double], labels: [Bool]) -> (threshold: Double, f1: Double) {
        let candidates = Set(scores).sorted()
        var best = (threshold: 0.5, f1: -1.0)
        // Try midpoints between distinct scores, stepping so large sets stay quick.
        let step = max(1, candidates.count / 400)
        for position in stride(from: 0, to: candidates.count, by: step) {
            let threshold = candidates[position]
            let value = f1(scores: scores, labels: labels, threshold: threshold).f1
            if value > best.f1 { best = (threshold, value) }
        }
        return best
    }
}
