public import Foundation

/// Scores how worth checking a sentence is, in 0...1, with a calibrated yes/no threshold.
///
/// A logistic regression over word n-grams, character n-grams and cues (numbers, comparisons,
/// reported speech, first-person opinion), trained on ClaimBuster and the CLEF CheckThat!
/// check-worthiness sets; when the sentence encoder is installed, a sentence classifier
/// fine-tuned from it decides instead. `Models/README.md` records how the shipped files were made.
public struct CheckworthinessModel: Sendable {
    public var featurizer: TextFeaturizer
    public var classifier: LogisticRegression
    /// Scores at or above this are check-worthy.
    public var threshold: Double
    /// Free-form facts about training (data, seed, date), written into the model file.
    public var info: [String: String]
    /// Whether the claim rules' findings (types, entities, quantities, sourcing) are features too.
    public var ruleCues: Bool
    /// The width of the sentence embedding among the features (after the hashed slots), or 0
    /// for a model of words alone.
    public var meaningDimensions: Int
    /// The encoder that embeds sentences for a model with meaning features.
    public var encoder: SentenceEncoder?
    /// The fine-tuned sentence classifier that scores in place of the regression, with
    /// ``threshold`` set to its own.
    public var fineTuned: SentenceClassifier?
    /// Turns a score into a calibrated probability of being check-worthy (the fine-tuned
    /// classifier's, from its manifest); `nil` when none was fitted.
    public var calibration: PlattScaling?

    /// The label of the fine-tuned classifier that means check-worthy.
    public static let checkworthyLabel = "checkworthy"

    public init(
        featurizer: TextFeaturizer, classifier: LogisticRegression, threshold: Double, info: [String: String] = [:],
        ruleCues: Bool = false, meaningDimensions: Int = 0, encoder: SentenceEncoder? = nil
    ) {
        self.featurizer = featurizer
        self.classifier = classifier
        self.threshold = threshold
        self.info = info
        self.ruleCues = ruleCues
        self.meaningDimensions = meaningDimensions
        self.encoder = encoder
    }

    /// The feature vector the model scores: hashed words, characters and cues, then the
    /// sentence's embedding when the model has meaning features.
    public static func vector(_ text: String, featurizer: TextFeaturizer, ruleCues: Bool, embedding: Embedding? = nil) -> SparseVector {
        var vector = featurizer.vector(text, cues: ruleCues ? ClaimCues.cues(text) : [])
        if let embedding { vector.append(embedding, from: featurizer.dimensions) }
        return vector
    }

    /// The check-worthiness of `text` in 0...1.
    public func score(_ text: String) -> Double { scores([text])[0] }

    /// The check-worthiness of each text, embedding them in one batch when the model uses meaning.
    public func scores(_ texts: [String]) -> [Double] {
        if let fineTuned { return fineTuned.probabilities(of: Self.checkworthyLabel, texts) }
        let embeddings: [Embedding?] = meaningDimensions > 0 ? (encoder?.encode(texts) ?? texts.map { _ in nil }) : texts.map { _ in nil }
        return zip(texts, embeddings).map { text, embedding in
            Double(classifier.probability(Self.vector(text, featurizer: featurizer, ruleCues: ruleCues, embedding: embedding)))
        }
    }

    /// The calibrated probability that a sentence with `score` is check-worthy, or `nil` without a calibration.
    public func probability(_ score: Double) -> Double? { calibration?.probability(score) }

    /// Whether `text` is check-worthy.
    public func isCheckworthy(_ text: String) -> Bool { score(text) >= threshold }

    /// The model version written in reports: kind, and a digest of the weights.
    public var version: String { fineTuned?.identity.version ?? info["version"] ?? "unversioned" }
}

extension CheckworthinessModel {
    /// The model file shipped with the engine, from `models` (by default
    /// ``ModelDirectory/standard(environment:)``): with `encoder`, the one that also reads the
    /// sentence's meaning, and the fine-tuned classifier when its files are there; without, the one
    /// of words alone.
    public static func bundled(encoder: SentenceEncoder? = nil, from models: ModelDirectory? = nil) throws -> CheckworthinessModel {
        let models = try models ?? .standard()
        if let encoder, models.hasTransformer("checkworthiness-ce"), let url = models.file("checkworthiness-ce") {
            let classifier = try SentenceClassifier(directory: url, encoder: encoder)
            guard classifier.labels.contains(checkworthyLabel), let threshold = classifier.threshold else {
                throw CrosscheckError(
                    .modelMissing,
                    "the check-worthiness classifier in \(url.path) has no \(checkworthyLabel) label or threshold; restore it from the repository")
            }
            var model = try bundled(encoder: nil, from: models)
            model.fineTuned = classifier
            model.threshold = threshold
            model.calibration = classifier.calibration
            return model
        }
        if let encoder, let url = models.file("checkworthiness-meaning.model") {
            var model = try load(from: Data(contentsOf: url))
            guard model.meaningDimensions == encoder.dimensions else {
                throw CrosscheckError(
                    .modelMissing,
                    "checkworthiness-meaning.model was trained with another encoder; rebuild it with crosscheck train checkworthiness --meaning")
            }
            model.encoder = encoder
            return model
        }
        guard let url = models.file("checkworthiness.model") else {
            throw CrosscheckError(
                .modelMissing,
                "the check-worthiness model is not in \(models); rebuild, or run crosscheck train checkworthiness", adjustment: .modelDirectory)
        }
        return try load(from: Data(contentsOf: url))
    }

    /// Reads a model written by ``encoded()``.
    public static func load(from data: Data) throws -> CheckworthinessModel {
        let file = try ModelFile(decoding: data, kind: "checkworthiness")
        guard let featurizer = TextFeaturizer(headerValue: file.header["featurizer"]) else {
            throw CrosscheckError(.modelMissing, "the check-worthiness model file is damaged; rebuild it with crosscheck train checkworthiness")
        }
        let meaning = Int(file.header["meaningDimensions"] ?? "0") ?? 0
        guard let threshold = Double(file.header["threshold", default: ""]), let bias = Float(file.header["bias", default: ""]),
            file.weights.count == featurizer.dimensions + meaning
        else {
            throw CrosscheckError(.modelMissing, "the check-worthiness model file is damaged; rebuild it with crosscheck train checkworthiness")
        }
        var info = file.header
        info.removeValue(forKey: "featurizer")
        return CheckworthinessModel(
            featurizer: featurizer, classifier: LogisticRegression(weights: file.weights, bias: bias), threshold: threshold,
            info: info, ruleCues: file.header["ruleCues"] == "true", meaningDimensions: meaning)
    }

    /// The model as file bytes.
    public func encoded() throws -> Data {
        var header = info
        header["featurizer"] = featurizer.headerValue
        header["threshold"] = String(threshold)
        header["bias"] = String(classifier.bias)
        header["ruleCues"] = ruleCues ? "true" : "false"
        if meaningDimensions > 0 { header["meaningDimensions"] = String(meaningDimensions) }
        return ModelFile(kind: "checkworthiness", header: header, weights: classifier.weights).encoded()
    }
}
