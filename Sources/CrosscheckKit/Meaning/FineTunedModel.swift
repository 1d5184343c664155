public import Foundation

/// A model fine-tuned from the sentence encoder (a pair classifier, a word tagger): its own
/// transformer layers and a linear classifier, on the encoder's frozen word embeddings and
/// vocabulary.
///
/// Its directory holds `model.safetensors` (every weight but the word embeddings) and
/// `manifest.json` (labels, checksums, the encoder's checksum, the training record).
struct FineTunedModel: Sendable {
    let identity: ModelIdentity
    let labels: [String]
    let threshold: Double?
    let calibration: PlattScaling?
    let blend: FineTunedManifest.Blend?
    let displayThresholds: [String: Double]?
    /// How a word tagger's labels follow each other, when its trainer counted them.
    let decoder: LabelSequenceDecoder?
    let maxTokens: Int
    let tokenizer: WordPieceTokenizer
    let weights: EncoderWeights
    let classifier: [Float]
    let classifierBias: [Float]
    let blas: BLAS.Library

    /// Loads the model in `directory` (`what` names it in errors) on the word embeddings and
    /// vocabulary of `encoder`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a file is absent, damaged or
    ///   was trained from a different encoder.
    init(directory: URL, encoder: SentenceEncoder, what: String) throws {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let modelURL = directory.appendingPathComponent("model.safetensors")
        guard let manifestData = try? Data(contentsOf: manifestURL), let modelData = try? Data(contentsOf: modelURL, options: .alwaysMapped)
        else {
            throw CrosscheckError(
                .modelMissing, "the \(what) in \(directory.path) is missing model.safetensors or manifest.json; restore them from the repository")
        }
        let manifest: FineTunedManifest
        do {
            manifest = try JSONDecoder().decode(FineTunedManifest.self, from: manifestData)
        } catch {
            throw CrosscheckError(.modelMissing, "\(manifestURL.path) is not a usable manifest (\(error)); restore it from the repository")
        }
        guard let encoderSum = encoder.identity.sha256, encoderSum == manifest.wordEmbeddingsFrom.sha256 else {
            throw CrosscheckError(
                .modelMissing,
                "the \(what) in \(directory.path) was trained on encoder \(manifest.wordEmbeddingsFrom.name) sha256:\(manifest.wordEmbeddingsFrom.sha256.prefix(12)), "
                    + "but the loaded encoder is sha256:\(encoder.identity.sha256?.prefix(12) ?? "unknown"); use the encoder it was trained with, or retrain it"
            )
        }
        let file = try SafeTensors(data: modelData, source: modelURL.path)
        let hidden = encoder.config.hiddenSize
        self.weights = try EncoderWeights(file, config: encoder.config, sharedWordEmbeddings: encoder.weights.wordEmbeddings)
        self.classifier = try file.floats("classifier.weight", shape: [manifest.labels.count, hidden])
        self.classifierBias = try file.floats("classifier.bias", shape: [manifest.labels.count])
        self.labels = manifest.labels
        self.threshold = manifest.threshold
        self.calibration = manifest.calibration
        self.blend = manifest.blend
        self.displayThresholds = manifest.displayThresholds
        if let transitions = manifest.transitions {
            guard transitions.count == manifest.labels.count else {
                throw CrosscheckError(
                    .modelMissing,
                    "\(manifestURL.path) counts transitions between \(transitions.count) labels, not its \(manifest.labels.count); restore it from the repository"
                )
            }
            self.decoder = try LabelSequenceDecoder(counts: transitions, transitionWeight: manifest.transitionWeight ?? 1)
        } else {
            self.decoder = nil
        }
        self.maxTokens = min(manifest.maxLength, encoder.config.maxPositions)
        self.tokenizer = encoder.tokenizer
        self.blas = encoder.blas
        self.identity = ModelIdentity(
            name: manifest.name, version: manifest.version, sha256: manifest.sha256,
            details: [
                "storage": manifest.storage ?? "float16", "labels": manifest.labels.joined(separator: ","),
                "max_tokens": String(maxTokens), "encoder": String(manifest.wordEmbeddingsFrom.sha256.prefix(12)),
            ].merging(
                manifest.transitions == nil ? [:] : ["decoding": "viterbi over training label bigrams, weight \(manifest.transitionWeight ?? 1)"]
            ) { $1 })
    }

    var forward: EncoderForward { EncoderForward(weights: weights, blas: blas) }

    /// The classifier's softmax over one `hidden`-wide row of `states` starting at `offset`.
    func probabilities(_ states: [Float], offset: Int) -> [Double] {
        let hidden = weights.config.hiddenSize
        let logits = labels.indices.map { label in
            var sum = Double(classifierBias[label])
            for j in 0..<hidden { sum += Double(classifier[label * hidden + j]) * Double(states[offset + j]) }
            return sum
        }
        let top = logits.max() ?? 0
        let exps = logits.map { Foundation.exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}

/// What a fine-tuned model's `manifest.json` says about it.
public struct FineTunedManifest: Sendable, Codable {
    public struct Source: Sendable, Codable {
        public var name: String
        public var sha256: String
    }

    public var name: String
    public var version: String
    public var labels: [String]
    public var sha256: String?
    public var storage: String?
    public var maxLength: Int
    public var wordEmbeddingsFrom: Source
    /// The decision threshold on the first positive label, when the trainer calibrated one.
    public var threshold: Double?
    /// How the positive label's probability becomes a calibrated one, when it was fitted.
    public var calibration: PlattScaling?
    /// How the classifier's probability is mixed with the task's regression of words, when it is.
    public var blend: Blend?
    /// Per label (a technique tagger's techniques), the score a span needs to be shown to readers.
    public var displayThresholds: [String: Double]?
    /// For a word tagger, how often each label followed each other in its training data
    /// (`transitions[previous][next]`, in ``labels`` order); its words are then read as one sequence.
    public var transitions: [[Double]]?
    /// The weight of those bigrams against the tagger's reading of each word (1 when absent).
    public var transitionWeight: Double?

    /// `weight` × the classifier's probability + (1 − `weight`) × the regression's, decided at
    /// `threshold` (in place of ``threshold``).
    public struct Blend: Sendable, Codable, Hashable {
        public var weight: Double
        public var threshold: Double
        /// Where the two figures were chosen.
        public var chosenOn: String?
    }
}
