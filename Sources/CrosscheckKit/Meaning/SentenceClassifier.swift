public import Foundation

/// A sentence classifier fine-tuned from the sentence encoder: reads `[CLS] text [SEP]` through
/// the same transformer runtime, mean-pools the last layer and maps it to one probability per
/// label with a linear layer and softmax.
///
/// Its directory holds the files of a ``FineTunedModel``; `scripts/train-classifier/train.py`
/// writes them.
public struct SentenceClassifier: Sendable {
    let model: FineTunedModel
    public var identity: ModelIdentity { model.identity }
    public var labels: [String] { model.labels }
    /// The threshold on the positive label its trainer calibrated on data it did not train on.
    public var threshold: Double? { model.threshold }
    /// Platt scaling of the positive label's probability, fitted on data it did not train on.
    public var calibration: PlattScaling? { model.calibration }
    /// How its probability is mixed with its task's regression of words, when its trainer says so.
    public var blend: FineTunedManifest.Blend? { model.blend }
    /// Per label its trainer's measurement chose, the score a mark needs to be shown to a reader.
    public var displayThresholds: [String: Double]? { model.displayThresholds }
    /// Tokens per text; longer texts are cut.
    public var maxTokens: Int { model.maxTokens }
    /// Tokens per forward batch; bounds the activations' memory.
    public var batchTokens = 2048

    /// Loads the classifier in `directory`, on the word embeddings and vocabulary of `encoder`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a file is absent, damaged or
    ///   was trained from a different encoder.
    public init(directory: URL, encoder: SentenceEncoder) throws {
        self.model = try FineTunedModel(directory: directory, encoder: encoder, what: "sentence classifier")
    }

    /// The token ids the model reads for `text`.
    public func ids(_ text: String) -> [Int32] { model.tokenizer.ids(text, maxTokens: maxTokens) }

    /// One probability per label (in ``labels`` order) for each text, in order. Texts are
    /// batched by length.
    public func probabilities(_ texts: [String]) -> [[Double]] {
        let encoded = texts.map(ids)
        var result = [[Double]](repeating: [], count: texts.count)
        let forward = model.forward
        for batch in LengthBatches.batches(encoded.map(\.count), tokens: batchTokens) {
            let pooled = forward.meanPooled(batch.map { encoded[$0] })
            for (index, vector) in zip(batch, pooled) { result[index] = model.probabilities(vector, offset: 0) }
        }
        return result
    }

    /// The probability of `label` for each text.
    public func probabilities(of label: String, _ texts: [String]) -> [Double] {
        guard let column = labels.firstIndex(of: label) else { return texts.map { _ in 0 } }
        return probabilities(texts).map { $0[column] }
    }
}
