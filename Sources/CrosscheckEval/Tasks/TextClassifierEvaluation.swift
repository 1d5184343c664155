public import CrosscheckKit

/// Trains and measures the comment classifiers next to a TF-IDF + logistic regression peer.
public struct TextClassifierEvaluation: Sendable {
    public var task: TextClassifier.Task
    public var featurizer: TextFeaturizer
    public var training: LogisticRegression.TrainingOptions
    /// Embeddings for meaning features beside the n-grams; `nil` trains on words alone.
    public var embeddings: EmbeddingCache?

    public init(
        task: TextClassifier.Task, featurizer: TextFeaturizer, training: LogisticRegression.TrainingOptions,
        encoder: SentenceEncoder? = nil
    ) {
        self.task = task
        self.featurizer = featurizer
        self.training = training
        self.embeddings = encoder.map(EmbeddingCache.init)
    }

    /// The same evaluation with meaning features from `encoder`.
    public func withMeaning(_ encoder: SentenceEncoder?) -> TextClassifierEvaluation {
        TextClassifierEvaluation(task: task, featurizer: featurizer, training: training, encoder: encoder)
    }

    /// `classifier`'s scores for `texts`, embedding through the cache.
    public func scores(_ classifier: TextClassifier, _ texts: [String]) -> [Double] {
        guard classifier.meaningDimensions > 0, let embeddings else { return classifier.scores(texts) }
        return zip(texts, embeddings.embed(texts)).map { text, embedding in
            Double(
                classifier.model.probability(
                    TextClassifier.vector(text, task: task, featurizer: classifier.featurizer, embedding: embedding)))
        }
    }

    /// The default settings for each task.
    public static func standard(_ task: TextClassifier.Task, seed: UInt64 = 1) -> TextClassifierEvaluation {
        switch task {
        case .spam:
            var featurizer = TextFeaturizer(dimensions: 1 << 18, wordNgrams: 2, charMin: 3, charMax: 5, cueWeight: 1)
            featurizer.rawCharacters = true
            return TextClassifierEvaluation(task: .spam, featurizer: featurizer, training: .init(epochs: 15, learningRate: 0.1, l2: 1e-5, seed: seed))
        case .machine:
            var featurizer = TextFeaturizer(dimensions: 1 << 20, wordNgrams: 2, charMin: 1, charMax: 5, cueWeight: 0.5)
            featurizer.rawCharacters = true
            return TextClassifierEvaluation(
                task: .machine, featurizer: featurizer, training: .init(epochs: 10, learningRate: 0.05, l2: 1e-6, seed: seed))
        }
    }

    public func train(_ examples: [LabelledText], info: [String: String] = [:]) -> TextClassifier {
        TextClassifier.train(
            task: task, examples.map { ($0.text, $0.label) }, featurizer: featurizer, options: training, info: info,
            embeddings: embeddings?.embed(examples.map(\.text)), encoder: embeddings?.encoder)
    }

    /// The peer: TF-IDF over word 1–2-grams and logistic regression, trained on `examples`.
    public func peer(_ examples: [LabelledText]) -> @Sendable (String) -> Double {
        var vectorizer = TFIDFVectorizer(ngrams: 2, minDocumentFrequency: 1)
        vectorizer.fit(examples.map(\.text))
        let frozen = vectorizer
        let model = LogisticRegression.train(
            examples.map { (vector: frozen.vector($0.text), label: $0.label, weight: Float(1)) }, dimensions: frozen.dimensions, options: training)
        return { Double(model.probability(frozen.vector($0))) }
    }

    /// Accuracy and positive-class F1 at threshold 0.5.
    public static func measure(_ examples: [LabelledText], threshold: Double = 0.5, score: (String) -> Double) -> (accuracy: Double, f1: Double) {
        let scores = examples.map { score($0.text) }
        let labels = examples.map(\.label)
        let correct = zip(scores, labels).count { ($0 >= threshold) == $1 }
        return (Double(correct) / Double(max(examples.count, 1)), BinaryMetrics.f1(scores: scores, labels: labels, threshold: threshold).f1)
    }
}
