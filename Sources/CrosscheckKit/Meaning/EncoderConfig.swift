public import Foundation

/// The shape of a BERT-family encoder, read from its `config.json`.
public struct EncoderConfig: Sendable, Hashable, Codable {
    public var hiddenSize: Int
    public var intermediateSize: Int
    public var layers: Int
    public var heads: Int
    public var vocabularySize: Int
    public var maxPositions: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float
    /// The longest input, in tokens with `[CLS]` and `[SEP]`; longer texts are truncated.
    public var maxTokens: Int
    public var lowercase: Bool

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size"
        case intermediateSize = "intermediate_size"
        case layers = "num_hidden_layers"
        case heads = "num_attention_heads"
        case vocabularySize = "vocab_size"
        case maxPositions = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size"
        case layerNormEpsilon = "layer_norm_eps"
        case maxTokens = "max_seq_length"
        case lowercase = "do_lower_case"
        case activation = "hidden_act"
    }

    public init(
        hiddenSize: Int, intermediateSize: Int, layers: Int, heads: Int, vocabularySize: Int,
        maxPositions: Int, typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12,
        maxTokens: Int, lowercase: Bool = true
    ) {
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.layers = layers
        self.heads = heads
        self.vocabularySize = vocabularySize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        self.maxTokens = maxTokens
        self.lowercase = lowercase
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        intermediateSize = try container.decode(Int.self, forKey: .intermediateSize)
        layers = try container.decode(Int.self, forKey: .layers)
        heads = try container.decode(Int.self, forKey: .heads)
        vocabularySize = try container.decode(Int.self, forKey: .vocabularySize)
        maxPositions = try container.decode(Int.self, forKey: .maxPositions)
        typeVocabularySize = try container.decodeIfPresent(Int.self, forKey: .typeVocabularySize) ?? 2
        layerNormEpsilon = try container.decodeIfPresent(Float.self, forKey: .layerNormEpsilon) ?? 1e-12
        maxTokens = min(try container.decodeIfPresent(Int.self, forKey: .maxTokens) ?? 512, maxPositions)
        lowercase = try container.decodeIfPresent(Bool.self, forKey: .lowercase) ?? true
        let activation = try container.decodeIfPresent(String.self, forKey: .activation) ?? "gelu"
        guard activation == "gelu" else {
            throw DecodingError.dataCorruptedError(
                forKey: .activation, in: container, debugDescription: "only the gelu activation is supported, not \(activation)")
        }
        guard hiddenSize > 0, heads > 0, hiddenSize % heads == 0, layers > 0, intermediateSize > 0, vocabularySize > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .hiddenSize, in: container, debugDescription: "hidden_size must be a positive multiple of num_attention_heads")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hiddenSize, forKey: .hiddenSize)
        try container.encode(intermediateSize, forKey: .intermediateSize)
        try container.encode(layers, forKey: .layers)
        try container.encode(heads, forKey: .heads)
        try container.encode(vocabularySize, forKey: .vocabularySize)
        try container.encode(maxPositions, forKey: .maxPositions)
        try container.encode(typeVocabularySize, forKey: .typeVocabularySize)
        try container.encode(layerNormEpsilon, forKey: .layerNormEpsilon)
        try container.encode(maxTokens, forKey: .maxTokens)
        try container.encode(lowercase, forKey: .lowercase)
        try container.encode("gelu", forKey: .activation)
    }
}
