public import Foundation

/// Whether a sentence uses some persuasion technique, read by a classifier fine-tuned from the
/// sentence encoder (`scripts/train-classifier/train.py --task techniques`). Where it runs, it
/// decides which sentences carry technique marks in place of the `any` head of words; the heads of
/// words still say which techniques and where.
public struct TechniqueGate: Sendable {
    public let classifier: SentenceClassifier
    /// A sentence uses a technique from this probability on (its trainer's, calibrated on
    /// articles it did not train on).
    public var threshold: Double

    /// Per technique, the score its marks need to be drawn in the text when this gate chooses the
    /// sentences: measured with it on held-out articles and kept in its manifest (none: no mark is
    /// drawn, since the scores of other models' measurements do not carry over).
    public var displayThresholds: [String: Double] { classifier.displayThresholds ?? [:] }

    static let positiveLabel = "technique"

    /// Wraps a classifier with the labels `none` and `technique` and a threshold.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when either is absent.
    public init(classifier: SentenceClassifier) throws {
        guard classifier.labels.contains(Self.positiveLabel), let threshold = classifier.threshold else {
            throw CrosscheckError(
                .modelMissing,
                "the technique classifier \(classifier.identity.version) has no '\(Self.positiveLabel)' label or no threshold; retrain it with scripts/train-classifier/train.py --task techniques"
            )
        }
        self.classifier = classifier
        self.threshold = threshold
    }

    /// The gate shipped with the engine (`techniques-ce` in `models`), on `encoder`; `nil` when
    /// its files were removed.
    public static func bundled(encoder: SentenceEncoder, from models: ModelDirectory? = nil) throws -> TechniqueGate? {
        let models = try models ?? .standard()
        guard models.hasTransformer("techniques-ce"), let url = models.file("techniques-ce") else { return nil }
        return try TechniqueGate(classifier: SentenceClassifier(directory: url, encoder: encoder))
    }

    /// The probability that each text uses some technique, in order.
    public func probabilities(_ texts: [String]) -> [Double] {
        classifier.probabilities(of: Self.positiveLabel, texts)
    }
}
