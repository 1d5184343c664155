public import Foundation

/// A pair classifier fine-tuned from the sentence encoder: reads `[CLS] first [SEP] second [SEP]`
/// through the same transformer runtime, mean-pools the last layer and maps it to one probability
/// per label with a linear layer and softmax.
///
/// Its directory holds the files of a ``FineTunedModel``.
public struct CrossEncoder: Sendable {
    public typealias Manifest = FineTunedManifest

    let model: FineTunedModel
    public var identity: ModelIdentity { model.identity }
    public var labels: [String] { model.labels }
    /// Tokens per pair; longer pairs are cut, the longer text first.
    public var maxTokens: Int { model.maxTokens }
    var tokenizer: WordPieceTokenizer { model.tokenizer }
    /// Tokens per forward batch; bounds the activations' memory.
    public var batchTokens = 2048

    /// Loads the pair classifier in `directory`, on the word embeddings and vocabulary of `encoder`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a file is absent, damaged or
    ///   was trained from a different encoder.
    public init(directory: URL, encoder: SentenceEncoder) throws {
        self.model = try FineTunedModel(directory: directory, encoder: encoder, what: "pair model")
    }

    /// The token ids and types the model reads for a pair.
    public func pairIDs(_ first: String, _ second: String) -> (ids: [Int32], types: [Int32]) {
        model.tokenizer.pairIDs(first, second, maxTokens: maxTokens)
    }

    /// One probability per label (in ``labels`` order) for each pair, in order. Pairs are
    /// batched by length.
    public func probabilities(_ pairs: [(first: String, second: String)]) -> [[Double]] {
        let encoded = pairs.map { pairIDs($0.first, $0.second) }
        var result = [[Double]](repeating: [], count: pairs.count)
        let forward = model.forward
        for batch in LengthBatches.batches(encoded.map(\.ids.count), tokens: batchTokens) {
            let pooled = forward.meanPooled(batch.map { encoded[$0].ids }, types: batch.map { encoded[$0].types })
            for (index, vector) in zip(batch, pooled) { result[index] = model.probabilities(vector, offset: 0) }
        }
        return result
    }
}
