public import Foundation

/// A binary text classifier: hashed n-gram features plus task cues, logistic regression, and a
/// threshold. Used for comment spam and machine-written text; stored as a ``ModelFile``.
public struct TextClassifier: Sendable {
    /// What the classifier is for; decides the cue features and the model file kind.
    public enum Task: String, Sendable, Hashable, CaseIterable {
        case spam, machine

        /// The folder of the classifier fine-tuned from the encoder for this task, if there is one.
        var fineTunedFolder: String? { self == .machine ? "machine-text-ce" : nil }
        /// That classifier's label for the positive class.
        var fineTunedLabel: String? { self == .machine ? "machine" : nil }
    }

    public var task: Task
    public var featurizer: TextFeaturizer
    public var model: LogisticRegression
    public var threshold: Double
    public var info: [String: String]
    /// The width of the sentence embedding among the features (after the hashed slots), or 0.
    public var meaningDimensions: Int
    /// The encoder that embeds texts for a classifier with meaning features.
    public var encoder: SentenceEncoder?
    /// The sentence classifier fine-tuned from the encoder that scores in place of the regression —
    /// or mixed with it, when its manifest says how — with ``threshold`` set to its own
    /// (machine-written text, when its folder is installed).
    public var fineTuned: SentenceClassifier?

    public init(
        task: Task, featurizer: TextFeaturizer, model: LogisticRegression, threshold: Double = 0.5, info: [String: String] = [:],
        meaningDimensions: Int = 0, encoder: SentenceEncoder? = nil
    ) {
        self.task = task
        self.featurizer = featurizer
        self.model = model
        self.threshold = threshold
        self.info = info
        self.meaningDimensions = meaningDimensions
        self.encoder = encoder
    }

    /// The probability of the positive class (spam, machine-written).
    public func score(_ text: String) -> Double { scores([text])[0] }

    /// The probability of the positive class for `text` whose embedding is already known.
    public func score(_ text: String, embedding: Embedding?) -> Double {
        guard fineTuned == nil, meaningDimensions > 0, let embedding else { return score(text) }
        return Double(model.probability(Self.vector(text, task: task, featurizer: featurizer, embedding: embedding)))
    }

    /// The probability of the positive class for each text, embedding them in one batch when the
    /// classifier uses meaning.
    public func scores(_ texts: [String]) -> [Double] {
        if let fineTuned, let label = task.fineTunedLabel {
            let tuned = fineTuned.probabilities(of: label, texts)
            guard let blend = fineTuned.blend, blend.weight < 1 else { return tuned }
            let words = texts.map { Double(model.probability(Self.vector($0, task: task, featurizer: featurizer))) }
            return zip(tuned, words).map { blend.weight * $0 + (1 - blend.weight) * $1 }
        }
        let embeddings: [Embedding?] = meaningDimensions > 0 ? (encoder?.encode(texts) ?? texts.map { _ in nil }) : texts.map { _ in nil }
        return zip(texts, embeddings).map { text, embedding in
            Double(model.probability(Self.vector(text, task: task, featurizer: featurizer, embedding: embedding)))
        }
    }

    public func isPositive(_ text: String) -> Bool { score(text) >= threshold }

    /// The version written in reports: the fine-tuned classifier's, with the regression's and the
    /// weights when the two are mixed.
    public var version: String {
        let own = info["version"] ?? "unversioned"
        guard let fineTuned else { return own }
        guard let blend = fineTuned.blend, blend.weight < 1 else { return fineTuned.identity.version }
        return "\(fineTuned.identity.version) × \(blend.weight) + \(own) × \((1 - blend.weight).rounded(toPlaces: 4))"
    }

    /// The feature vector: hashed n-grams and cues, then the text's embedding when given.
    public static func vector(_ text: String, task: Task, featurizer: TextFeaturizer, embedding: Embedding? = nil) -> SparseVector {
        var vector = featurizer.vector(text, cues: task == .spam ? SpamCues.cues(text) : StyleCues.cues(text))
        if let embedding { vector.append(embedding, from: featurizer.dimensions) }
        return vector
    }

    /// Trains on labelled texts, with their embeddings as features too when `embeddings` are
    /// given (one per example); deterministic for a seed.
    public static func train(
        task: Task, _ examples: [(text: String, label: Bool)], featurizer: TextFeaturizer,
        options: LogisticRegression.TrainingOptions = .init(), info: [String: String] = [:], embeddings: [Embedding]? = nil,
        encoder: SentenceEncoder? = nil
    ) -> TextClassifier {
        let meaning = embeddings?.first?.values.count ?? 0
        let vectors = examples.enumerated().map { index, example in
            (
                vector: vector(example.text, task: task, featurizer: featurizer, embedding: embeddings?[index]), label: example.label,
                weight: Float(1)
            )
        }
        let model = LogisticRegression.train(vectors, dimensions: featurizer.dimensions + meaning, options: options)
        return TextClassifier(task: task, featurizer: featurizer, model: model, info: info, meaningDimensions: meaning, encoder: encoder)
    }

    public func encoded() throws -> Data {
        var header = info
        header["featurizer"] = featurizer.headerValue
        header["threshold"] = String(threshold)
        header["bias"] = String(model.bias)
        if meaningDimensions > 0 { header["meaningDimensions"] = String(meaningDimensions) }
        return ModelFile(kind: task.rawValue, header: header, weights: model.weights).encoded()
    }

    public static func load(from data: Data, task: Task) throws -> TextClassifier {
        let file = try ModelFile(decoding: data, kind: task.rawValue)
        guard let featurizer = TextFeaturizer(headerValue: file.header["featurizer"]),
            let threshold = Double(file.header["threshold", default: ""]), let bias = Float(file.header["bias", default: ""]),
            file.weights.count == featurizer.dimensions + (Int(file.header["meaningDimensions"] ?? "0") ?? 0)
        else {
            throw CrosscheckError(
                .modelMissing,
                "the \(task.rawValue) model file is damaged; rebuild it with crosscheck train \(task == .spam ? "comments" : "machine-text")")
        }
        return TextClassifier(
            task: task, featurizer: featurizer, model: LogisticRegression(weights: file.weights, bias: bias), threshold: threshold,
            info: file.header, meaningDimensions: Int(file.header["meaningDimensions"] ?? "0") ?? 0)
    }

    /// The shipped classifier, from `models` (by default ``ModelDirectory/standard(environment:)``):
    /// with `encoder`, the one that also reads meaning when there is one for the task; without,
    /// the one of words alone.
    public static func bundled(_ task: Task, encoder: SentenceEncoder?, from models: ModelDirectory? = nil) throws -> TextClassifier {
        let models = try models ?? .standard()
        if let encoder, let folder = task.fineTunedFolder, let label = task.fineTunedLabel, models.hasTransformer(folder),
            let url = models.file(folder)
        {
            let fineTuned = try SentenceClassifier(directory: url, encoder: encoder)
            guard fineTuned.labels.contains(label), let threshold = fineTuned.blend?.threshold ?? fineTuned.threshold else {
                throw CrosscheckError(
                    .modelMissing, "the classifier in \(url.path) has no \(label) label or threshold; restore it from the repository")
            }
            var classifier = try bundled(task, from: models)
            guard fineTuned.blend == nil || classifier.meaningDimensions == 0 else {
                throw CrosscheckError(
                    .modelMissing, "\(task.rawValue).model reads meaning, so it cannot be blended with \(url.path); restore both from the repository")
            }
            classifier.fineTuned = fineTuned
            classifier.threshold = threshold
            return classifier
        }
        if let encoder, let url = models.file(task.rawValue + "-meaning.model") {
            var classifier = try load(from: Data(contentsOf: url), task: task)
            guard classifier.meaningDimensions == encoder.dimensions else {
                throw CrosscheckError(
                    .modelMissing, "\(task.rawValue)-meaning.model was trained with another encoder; rebuild it with crosscheck train")
            }
            classifier.encoder = encoder
            return classifier
        }
        return try bundled(task, from: models)
    }

    /// The shipped classifier of words alone, from `models` (by default ``ModelDirectory/standard(environment:)``).
    public static func bundled(_ task: Task, from models: ModelDirectory? = nil) throws -> TextClassifier {
        let models = try models ?? .standard()
        guard let url = models.file(task.rawValue + ".model") else {
            throw CrosscheckError(
                .modelMissing, "the \(task.rawValue) model is not in \(models); rebuild, or run crosscheck train", adjustment: .modelDirectory)
        }
        return try load(from: Data(contentsOf: url), task: task)
    }
}
