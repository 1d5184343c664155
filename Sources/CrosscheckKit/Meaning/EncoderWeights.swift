import Foundation

/// The weights of a BERT encoder as `Float` matrices, row-major, in the layout of the forward pass:
/// each linear layer's weight is `[out][in]` as PyTorch stores it; the three attention
/// projections are stacked into one `[3·hidden][hidden]` matrix so one product computes them.
final class EncoderWeights: Sendable {
    struct Layer: Sendable {
        let qkv: [Float]
        let qkvBias: [Float]
        let attentionOutput: [Float]
        let attentionOutputBias: [Float]
        let attentionNormWeight: [Float]
        let attentionNormBias: [Float]
        let intermediate: [Float]
        let intermediateBias: [Float]
        let output: [Float]
        let outputBias: [Float]
        let outputNormWeight: [Float]
        let outputNormBias: [Float]
    }

    let config: EncoderConfig
    /// Word embeddings stay half precision (a third of the model); rows are widened as looked up.
    let wordEmbeddings: [Float16]
    let positionEmbeddings: [Float]
    /// One row per token type (a pair's first text is type 0, its second type 1).
    let tokenTypeEmbeddings: [Float]
    let embeddingNormWeight: [Float]
    let embeddingNormBias: [Float]
    let layers: [Layer]

    /// Reads the weights in `file`; `sharedWordEmbeddings` stands in for a file that leaves its
    /// word embeddings out because they were frozen while it was trained from another model.
    init(_ file: SafeTensors, config: EncoderConfig, sharedWordEmbeddings: [Float16]? = nil) throws {
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        self.config = config
        // Accept both `bert.`-prefixed names (BertForPreTraining exports) and bare ones.
        let prefix = file.entries["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func tensor(_ name: String, _ shape: [Int]) throws -> [Float] { try file.floats(prefix + name, shape: shape) }
        let wordName = prefix + "embeddings.word_embeddings.weight"
        if let sharedWordEmbeddings, file.entries[wordName] == nil {
            guard sharedWordEmbeddings.count == config.vocabularySize * hidden else {
                throw CrosscheckError(
                    .modelMissing, "the shared word embeddings do not fit \(file.source): expected \(config.vocabularySize) × \(hidden) values")
            }
            wordEmbeddings = sharedWordEmbeddings
        } else {
            wordEmbeddings = try file.halves(wordName, shape: [config.vocabularySize, hidden])
        }
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, hidden])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [config.typeVocabularySize, hidden])
        embeddingNormWeight = try tensor("embeddings.LayerNorm.weight", [hidden])
        embeddingNormBias = try tensor("embeddings.LayerNorm.bias", [hidden])
        layers = try (0..<config.layers).map { index in
            let p = "encoder.layer.\(index)."
            return Layer(
                qkv: try tensor(p + "attention.self.query.weight", [hidden, hidden])
                    + tensor(p + "attention.self.key.weight", [hidden, hidden])
                    + tensor(p + "attention.self.value.weight", [hidden, hidden]),
                qkvBias: try tensor(p + "attention.self.query.bias", [hidden]) + tensor(p + "attention.self.key.bias", [hidden])
                    + tensor(p + "attention.self.value.bias", [hidden]),
                attentionOutput: try tensor(p + "attention.output.dense.weight", [hidden, hidden]),
                attentionOutputBias: try tensor(p + "attention.output.dense.bias", [hidden]),
                attentionNormWeight: try tensor(p + "attention.output.LayerNorm.weight", [hidden]),
                attentionNormBias: try tensor(p + "attention.output.LayerNorm.bias", [hidden]),
                intermediate: try tensor(p + "intermediate.dense.weight", [inner, hidden]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [inner]),
                output: try tensor(p + "output.dense.weight", [hidden, inner]),
                outputBias: try tensor(p + "output.dense.bias", [hidden]),
                outputNormWeight: try tensor(p + "output.LayerNorm.weight", [hidden]),
                outputNormBias: try tensor(p + "output.LayerNorm.bias", [hidden]))
        }
    }
}
