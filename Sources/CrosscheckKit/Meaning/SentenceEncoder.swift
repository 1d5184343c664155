public import Foundation

/// A BERT-family sentence encoder run in-process: WordPiece tokens, the transformer's forward pass
/// on OpenBLAS, mean pooling and L2 normalisation, so the dot product of two embeddings is their
/// cosine similarity.
///
/// Loads a directory holding `config.json`, `vocab.txt` and `model.safetensors` (F32, F16 or BF16).
public struct SentenceEncoder: Sendable {
    public let identity: ModelIdentity
    public let config: EncoderConfig
    let tokenizer: WordPieceTokenizer
    let weights: EncoderWeights
    let blas: BLAS.Library
    /// Tokens per forward batch; bounds the activations' memory (about 30 KB a token).
    public var batchTokens = 2048
    /// Embeddings already made, reused for texts seen again (a comment thread screened as each
    /// comment arrives); `nil` encodes every text every time.
    public var memo: EmbeddingMemo?

    /// The number of values in an embedding.
    public var dimensions: Int { config.hiddenSize }

    /// Loads the encoder in `directory`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a file is absent or does not fit.
    public init(directory: URL) throws {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
                throw CrosscheckError(
                    .modelMissing,
                    "the sentence encoder file \(url.path) is missing; restore it from the repository (scripts/encoder/export.py rebuilds it)")
            }
            return data
        }
        let config: EncoderConfig
        do {
            config = try JSONDecoder().decode(EncoderConfig.self, from: try read("config.json"))
        } catch let error as CrosscheckError {
            throw error
        } catch {
            throw CrosscheckError(.modelMissing, "the sentence encoder's config.json is not usable (\(error)); restore it from the repository")
        }
        let vocabulary = String(decoding: try read("vocab.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        guard vocabulary.count >= config.vocabularySize else {
            throw CrosscheckError(
                .modelMissing, "the encoder vocabulary has \(vocabulary.count) lines but config.json says \(config.vocabularySize)")
        }
        let modelData = try read("model.safetensors")
        let file = try SafeTensors(data: modelData, source: directory.appendingPathComponent("model.safetensors").path)
        self.config = config
        self.tokenizer = try WordPieceTokenizer(vocabulary: Array(vocabulary.prefix(config.vocabularySize)), lowercase: config.lowercase)
        self.weights = try EncoderWeights(file, config: config)
        let manifest =
            (try? Data(contentsOf: directory.appendingPathComponent("manifest.json")))
            .flatMap { try? JSONDecoder().decode([String: String].self, from: $0) } ?? [:]
        self.identity = ModelIdentity(
            name: file.metadata["name"] ?? manifest["name"] ?? directory.lastPathComponent,
            version: manifest["version"] ?? "1",
            sha256: manifest["sha256"],
            details: [
                "storage": file.metadata["storage"] ?? "float32", "dimensions": String(config.hiddenSize),
                "max_tokens": String(config.maxTokens),
            ])
        self.blas = try BLAS.library()
    }

    /// The encoder shipped with the engine, from `models` (by default
    /// ``ModelDirectory/standard(environment:)``), or `nil` when its files were removed.
    public static func bundled(from models: ModelDirectory? = nil) throws -> SentenceEncoder? {
        let models = try models ?? .standard()
        guard models.hasTransformer("encoder"), let url = models.file("encoder") else { return nil }
        return try SentenceEncoder(directory: url)
    }

    /// Whether the math library the encoder runs on (OpenBLAS) can be loaded on this machine.
    public static var runtimeAvailable: Bool { (try? BLAS.library()) != nil }

    /// The token ids the encoder reads for `text`, with `[CLS]` and `[SEP]`.
    public func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.ids(text, maxTokens: config.maxTokens)
    }

    /// Unit-length embeddings of `texts`, in order. Texts are batched by length so that little
    /// work is spent on short texts beside long ones.
    public func encode(_ texts: [String]) -> [Embedding] {
        guard let memo else { return encodeAll(texts) }
        var result = texts.map { memo.embedding(of: $0) }
        let missing = result.indices.filter { result[$0] == nil }
        guard !missing.isEmpty else { return result.map { $0! } }
        let fresh = encodeAll(missing.map { texts[$0] })
        for (index, embedding) in zip(missing, fresh) {
            result[index] = embedding
            memo.keep(embedding, for: texts[index])
        }
        return result.map { $0! }
    }

    func encodeAll(_ texts: [String]) -> [Embedding] {
        let sequences = texts.map(tokenIDs)
        var result = [Embedding](repeating: Embedding([]), count: texts.count)
        let forward = EncoderForward(weights: weights, blas: blas)
        for batch in LengthBatches.batches(sequences.map(\.count), tokens: batchTokens) {
            let vectors = forward.embed(batch.map { sequences[$0] })
            for (index, vector) in zip(batch, vectors) { result[index] = Embedding(vector) }
        }
        return result
    }

    /// The unit-length embedding of one text.
    public func encode(_ text: String) -> Embedding { encode([text])[0] }
}
