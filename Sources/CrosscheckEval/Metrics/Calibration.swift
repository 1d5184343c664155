import Foundation

/// How well confidences match outcomes: reliability bins and expected calibration error.
public struct Calibration: Sendable {
    /// One bin of confidences: how many, their mean confidence, and how many were right.
    public struct Bin: Sendable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanConfidence: Double
        public var accuracy: Double
    }

    public var bins: [Bin]
    /// Expected calibration error: the count-weighted mean gap between confidence and accuracy.
    public var expectedError: Double

    /// Bins `confidence` (0..1) into `binCount` equal-width bins.
    public init(confidences: [Double], correct: [Bool], binCount: Int = 5) {
        var bins: [Bin] = []
        var error = 0.0
        for bin in 0..<binCount {
            let lower = Double(bin) / Double(binCount)
            let upper = Double(bin + 1) / Double(binCount)
            let members = confidences.indices.filter {
                confidences[$0] >= lower && (confidences[$0] < upper || (bin == binCount - 1 && confidences[$0] <= upper))
            }
            guard !members.isEmpty else { continue }
            let mean = members.reduce(0) { $0 + confidences[$1] } / Double(members.count)
            let accuracy = Double(members.count { correct[$0] }) / Double(members.count)
            bins.append(Bin(lower: lower, upper: upper, count: members.count, meanConfidence: mean, accuracy: accuracy))
            error += Double(members.count) * abs(mean - accuracy)
        }
        self.bins = bins
        expectedError = confidences.isEmpty ? 0 : error / Double(confidences.count)
    }

    /// One line per bin: "0.6–0.8: 120 claims, confidence 0.71, accuracy 0.68".
    public var lines: [String] {
        bins.map { bin in
            "  \(String(format: "%.1f–%.1f", bin.lower, bin.upper)): \(bin.count), mean confidence \(String(format: "%.3f", bin.meanConfidence)), accuracy \(String(format: "%.3f", bin.accuracy))"
        }
    }
}

/// Macro-averaged F1 over labels.
public enum MacroF1 {
    /// The macro F1 over `labels` (each label's F1 from the predictions, averaged), and each label's F1.
    public static func score(gold: [String], predicted: [String], labels: [String]) -> (macro: Double, perLabel: [String: Double]) {
        var perLabel: [String: Double] = [:]
        for label in labels {
            let truePositive = Double(zip(gold, predicted).count { $0 == label && $1 == label })
            let predictedCount = Double(predicted.count { $0 == label })
            let goldCount = Double(gold.count { $0 == label })
            let precision = predictedCount == 0 ? 0 : truePositive / predictedCount
            let recall = goldCount == 0 ? 0 : truePositive / goldCount
            perLabel[label] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        return (labels.reduce(0) { $0 + (perLabel[$1] ?? 0) } / Double(max(labels.count, 1)), perLabel)
    }
}
