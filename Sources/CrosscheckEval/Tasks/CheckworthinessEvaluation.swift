public import CrosscheckKit
internal import Foundation

/// Trains and measures check-worthiness models on seeded splits of the shared data, next to a
/// TF-IDF + logistic regression peer trained on the same split.
///
/// Splits: a seeded 10% of ClaimBuster's training file is the dev slice; a seeded quarter of the
/// CLEF 2019 debates (whole debates) and a seeded 20% of the CLEF 2020 tweets are held out. The
/// 2020 ClaimBuster debate file is test-only. The yes/no threshold is chosen on a further 10% of
/// ClaimBuster's training part, never on the dev slice.
public struct CheckworthinessEvaluation: Sendable {
    public var seed: UInt64
    public var featurizer: TextFeaturizer
    public var training: LogisticRegression.TrainingOptions
    /// Example weight per source in training.
    public var sourceWeights: [CheckworthinessExample.Source: Float]
    /// Whether the claim rules' findings are features.
    public var ruleCues: Bool
    /// Embeds sentences for meaning features beside the lexical ones; `nil` trains on words alone.
    public var encoder: SentenceEncoder?
    /// Embeddings computed once per text, so training, calibration and measuring share them.
    let embeddings: EmbeddingCache?

    public init(
        seed: UInt64 = 1, featurizer: TextFeaturizer = TextFeaturizer(),
        training: LogisticRegression.TrainingOptions = .init(),
        sourceWeights: [CheckworthinessExample.Source: Float] = [.claimbuster: 1, .clef2019: 1, .clef2020: 1],
        ruleCues: Bool = false, encoder: SentenceEncoder? = nil
    ) {
        self.ruleCues = ruleCues
        self.encoder = encoder
        self.embeddings = encoder.map(EmbeddingCache.init)
        self.seed = seed
        self.featurizer = featurizer
        self.training = training
        self.sourceWeights = sourceWeights
    }

    /// A partition of the data into training, threshold-calibration and held-out parts.
    public struct Split: Sendable {
        public var train: [CheckworthinessExample] = []
        public var calibration: [CheckworthinessExample] = []
        public var heldOut: [CheckworthinessExample] = []
    }

    public func split(_ examples: [CheckworthinessExample]) -> Split {
        var split = Split()
        var generator = SeededGenerator(seed: seed)
        let debates = Set(examples.filter { $0.source == .clef2019 }.map(\.group)).sorted().shuffled(using: &generator)
        let heldOutDebates = Set(debates.prefix(max(1, debates.count / 4)))
        for example in examples {
            let draw = Double.random(in: 0..<1, using: &generator)
            switch example.source {
            case .claimbuster:
                if draw < 0.1 {
                    split.heldOut.append(example)
                } else if draw < 0.19 {
                    split.calibration.append(example)
                } else {
                    split.train.append(example)
                }
            case .claimbuster2020:
                split.heldOut.append(example)
            case .clef2019:
                if heldOutDebates.contains(example.group) { split.heldOut.append(example) } else { split.train.append(example) }
            case .clef2020:
                if draw < 0.2 { split.heldOut.append(example) } else { split.train.append(example) }
            }
        }
        return split
    }

    /// Trains a model on `train` and picks its threshold for best F1 on `calibration`.
    public func train(_ train: [CheckworthinessExample], calibration: [CheckworthinessExample], info: [String: String] = [:])
        -> CheckworthinessModel
    {
        let used = train.filter { (sourceWeights[$0.source] ?? 1) > 0 }
        let vectors = embeddings?.embed(used.map(\.text)) ?? used.map { _ in nil }
        let examples = zip(used, vectors).map { example, embedding -> (vector: SparseVector, label: Bool, weight: Float) in
            (
                CheckworthinessModel.vector(example.text, featurizer: featurizer, ruleCues: ruleCues, embedding: embedding), example.label,
                sourceWeights[example.source] ?? 1
            )
        }
        let meaning = encoder?.dimensions ?? 0
        let classifier = LogisticRegression.train(examples, dimensions: featurizer.dimensions + meaning, options: training)
        var model = CheckworthinessModel(
            featurizer: featurizer, classifier: classifier, threshold: 0.5, info: info, ruleCues: ruleCues,
            meaningDimensions: meaning, encoder: encoder)
        if !calibration.isEmpty {
            let scores = self.scores(model, calibration.map(\.text))
            model.threshold = BinaryMetrics.bestThreshold(scores: scores, labels: calibration.map(\.label)).threshold
        }
        return model
    }

    /// `model`'s scores for `texts`, embedding through the cache.
    public func scores(_ model: CheckworthinessModel, _ texts: [String]) -> [Double] {
        guard model.meaningDimensions > 0, let embeddings else { return model.scores(texts) }
        let vectors = embeddings.embed(texts)
        return zip(texts, vectors).map { text, embedding in
            Double(
                model.classifier.probability(
                    CheckworthinessModel.vector(text, featurizer: model.featurizer, ruleCues: model.ruleCues, embedding: embedding)))
        }
    }

    /// Measures `model` on the held-out examples with its own threshold.
    public func measure(_ heldOut: [CheckworthinessExample], model: CheckworthinessModel) -> Scores {
        let scored = Dictionary(zip(heldOut.map(\.text), scores(model, heldOut.map(\.text))), uniquingKeysWith: { a, _ in a })
        return measure(heldOut, threshold: model.threshold) { scored[$0] ?? model.score($0) }
    }

    /// The metrics of one scorer on the held-out part.
    public struct Scores: Sendable {
        public var claimbusterF1 = 0.0
        public var claimbusterAP = 0.0
        public var debate2020F1 = 0.0
        public var debate2020AP = 0.0
        public var clef2019MAP = 0.0
        public var clef2020MAP = 0.0
        public var counts: [String: Int] = [:]
    }

    /// Measures `score` (with its `threshold`) on the held-out examples.
    public func measure(_ heldOut: [CheckworthinessExample], threshold: Double, score: (String) -> Double) -> Scores {
        var result = Scores()
        let scored = heldOut.map { ($0, score($0.text)) }
        let claimbuster = scored.filter { $0.0.source == .claimbuster }
        result.claimbusterF1 = BinaryMetrics.f1(scores: claimbuster.map(\.1), labels: claimbuster.map(\.0.label), threshold: threshold).f1
        result.claimbusterAP = BinaryMetrics.averagePrecision(scores: claimbuster.map(\.1), labels: claimbuster.map(\.0.label))
        let debate = scored.filter { $0.0.source == .claimbuster2020 }
        result.debate2020F1 = BinaryMetrics.f1(scores: debate.map(\.1), labels: debate.map(\.0.label), threshold: threshold).f1
        result.debate2020AP = BinaryMetrics.averagePrecision(scores: debate.map(\.1), labels: debate.map(\.0.label))
        for (source, keyPath) in [(CheckworthinessExample.Source.clef2019, \Scores.clef2019MAP), (.clef2020, \Scores.clef2020MAP)] {
            let part = scored.filter { $0.0.source == source }
            let groups = Dictionary(grouping: part, by: \.0.group).values.map { group in
                (scores: group.map(\.1), labels: group.map(\.0.label))
            }
            result[keyPath: keyPath] = BinaryMetrics.meanAveragePrecision(groups: groups)
        }
        for source in CheckworthinessExample.Source.allCases {
            result.counts[source.rawValue] = heldOut.count { $0.source == source }
        }
        return result
    }

    /// Trains the TF-IDF + logistic regression peer on the same split and returns its scorer and threshold.
    public func peer(_ split: Split) -> (score: @Sendable (String) -> Double, threshold: Double) {
        var vectorizer = TFIDFVectorizer(ngrams: 2, minDocumentFrequency: 2)
        vectorizer.fit(split.train.map(\.text))
        let frozen = vectorizer
        let examples = split.train.map { (vector: frozen.vector($0.text), label: $0.label, weight: Float(1)) }
        let classifier = LogisticRegression.train(examples, dimensions: frozen.dimensions, options: training)
        let score: @Sendable (String) -> Double = { Double(classifier.probability(frozen.vector($0))) }
        let scores = split.calibration.map { score($0.text) }
        let threshold =
            split.calibration.isEmpty ? 0.5 : BinaryMetrics.bestThreshold(scores: scores, labels: split.calibration.map(\.label)).threshold
        return (score, threshold)
    }
}
