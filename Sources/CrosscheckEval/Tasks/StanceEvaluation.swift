public import CrosscheckKit

/// Stance and verdict evaluation: pair accuracy on COVID-Fact (against a TF-IDF peer and the
/// majority class), calibration of the verdict confidence, and claim-level labels on SciFact
/// claims with given evidence sentences (the shape of `crosscheck batch verify`).
public struct StanceEvaluation: Sendable {
    public var training = StanceTraining()

    public init() {}

    /// Accuracy of supports-vs-refutes on `pairs`, and the confidence of each decision.
    public static func pairAccuracy(_ model: StanceModel, _ pairs: [StanceData.Pair]) -> (accuracy: Double, confidences: [Double], correct: [Bool]) {
        var confidences: [Double] = []
        var correct: [Bool] = []
        for pair in pairs {
            let p = model.stance(claim: pair.claim, evidence: pair.evidence)
            let supports = p.supports / max(p.supports + p.refutes, 1e-12)
            let predicted = supports >= 0.5 ? "supports" : "refutes"
            confidences.append(max(supports, 1 - supports))
            correct.append(predicted == pair.stance)
        }
        return (Double(correct.count { $0 }) / Double(max(pairs.count, 1)), confidences, correct)
    }

    /// The peer: TF-IDF over word 1–2-grams of claim and evidence (claim words marked apart),
    /// and logistic regression for supports.
    public static func peerAccuracy(train: [StanceData.Pair], test: [StanceData.Pair]) -> Double {
        func text(_ pair: StanceData.Pair) -> String {
            pair.evidence + " " + TFIDFVectorizer.tokens(pair.claim).map { "c_" + $0 }.joined(separator: " ")
        }
        let binary = train.filter { $0.stance != "neutral" }
        var vectorizer = TFIDFVectorizer(ngrams: 2, minDocumentFrequency: 2)
        vectorizer.fit(binary.map(text))
        let frozen = vectorizer
        let model = LogisticRegression.train(
            binary.map { (vector: frozen.vector(text($0)), label: $0.stance == "supports", weight: Float(1)) }, dimensions: frozen.dimensions,
            options: .init(epochs: 10, learningRate: 0.1, l2: 1e-6, seed: 1))
        let correct = test.count { (model.probability(frozen.vector(text($0))) >= 0.5) == ($0.stance == "supports") }
        return Double(correct) / Double(max(test.count, 1))
    }

    /// Claim-level labels with given evidence: macro-F1 over supported, refuted and not enough
    /// info, the share right, and how the verdict confidence matches being right.
    public static func claimLevel(_ verifier: ClaimVerifier, _ sets: [StanceData.ClaimSet]) -> (
        macroF1: Double, accuracy: Double, perLabel: [String: Double], predicted: [String: Int], calibration: Calibration
    ) {
        var predicted: [String] = []
        var confidences: [Double] = []
        for set in sets {
            let result = verifier.verify(
                claim: set.claim, passages: set.evidence.enumerated().map { EvidencePassage(id: String($0.offset), text: $0.element) })
            // Scored three ways: "mixed" counts as neither side.
            predicted.append(result.label)
            confidences.append(result.confidence)
        }
        let gold = sets.map(\.label)
        let score = MacroF1.score(gold: gold, predicted: predicted, labels: ["supported", "refuted", "not_enough_info"])
        let correct = zip(gold, predicted).map { $0 == $1 }
        var counts: [String: Int] = [:]
        for label in predicted { counts[label, default: 0] += 1 }
        return (
            score.macro, Double(correct.count { $0 }) / Double(max(sets.count, 1)), score.perLabel, counts,
            Calibration(confidences: confidences, correct: correct)
        )
    }
}
