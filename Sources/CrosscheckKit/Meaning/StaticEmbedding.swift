import Foundation

/// A static embedding distilled from a sentence encoder, in the manner of model2vec: each
/// vocabulary token is encoded once on its own (`[CLS] token [SEP]`, mean-pooled) and the
/// vocabulary's mean vector is taken away; a text's vector is the weighted mean of its tokens'
/// vectors, at unit length. It reads tens of thousands of passages a second on one core where the
/// transformer reads about a hundred, and is coarser: it finds candidates, and the relevance model
/// and the inference model judge them.
public struct StaticEmbedding: Sendable {
    /// The encoder it was distilled from, with `static` in its details.
    public let identity: ModelIdentity
    public let dimensions: Int
    let tokenizer: WordPieceTokenizer
    /// One row of `dimensions` values per vocabulary id.
    let vectors: [Float]
    /// The most tokens read from one text.
    public var maxTokens = 512

    /// The vocabulary size: one weight per id in ``weights(documentFrequencies:documents:)``.
    public var vocabularySize: Int { vectors.count / max(dimensions, 1) }

    /// The version of the distillation, part of ``identity`` and of the cache file's name.
    static let recipe = "static-1"

    /// Distils the embedding from `encoder`, or reads it from `cache` when an earlier run left it
    /// there (the file is named by the encoder's checksum and the recipe).
    public init(encoder: SentenceEncoder, cache: FixedEmbeddings = .standard()) {
        var rows: [Embedding]?
        var file: URL?
        if let folder = cache.folder, let weights = encoder.identity.sha256 {
            file = folder.appendingPathComponent(Digests.sha256Hex(Array((weights + "/" + Self.recipe).utf8)) + ".f32")
            rows = file.flatMap { FixedEmbeddings.read($0, count: encoder.config.vocabularySize) }
            if rows?.first?.values.count != encoder.dimensions { rows = nil }
        }
        if rows == nil {
            rows = encoder.tokenVectors()
            if let file, let rows { FixedEmbeddings.write(rows, to: file) }
        }
        self.init(identity: Self.identity(distilledFrom: encoder), tokenizer: encoder.tokenizer, rows: rows ?? [])
    }

    /// The identity of the embedding distilled from `encoder` (without distilling it).
    public static func identity(distilledFrom encoder: SentenceEncoder) -> ModelIdentity {
        var details = encoder.identity.details
        details["static"] = recipe
        return ModelIdentity(
            name: encoder.identity.name + " " + recipe, version: encoder.identity.version, sha256: encoder.identity.sha256, details: details)
    }

    /// An embedding over `rows` (one per vocabulary id), the vocabulary's mean taken away.
    init(identity: ModelIdentity, tokenizer: WordPieceTokenizer, rows: [Embedding]) {
        let dimensions = rows.first?.values.count ?? 0
        var mean = [Float](repeating: 0, count: dimensions)
        for row in rows { for j in 0..<dimensions { mean[j] += row.values[j] } }
        for j in 0..<dimensions { mean[j] /= Float(max(rows.count, 1)) }
        var vectors = [Float](repeating: 0, count: rows.count * dimensions)
        for (index, row) in rows.enumerated() {
            for j in 0..<dimensions { vectors[index * dimensions + j] = row.values[j] - mean[j] }
        }
        self.identity = identity
        self.dimensions = dimensions
        self.tokenizer = tokenizer
        self.vectors = vectors
    }

    /// The token ids of `text`, without `[CLS]` and `[SEP]`.
    public func tokens(_ text: String) -> [Int32] {
        let ids = tokenizer.ids(text, maxTokens: maxTokens + 2)
        return Array(ids.dropFirst().dropLast())
    }

    /// Each token's weight from how many of `documents` hold it: a smoothed inverse document
    /// frequency, so a word found everywhere counts for little.
    public static func weights(documentFrequencies: [Int32], documents: Int) -> [Float] {
        documentFrequencies.map { Float(log(1 + Double(documents) / (1 + Double($0)))) }
    }

    /// The unit-length vector of `text`: its tokens' vectors weighted by `weights` (by id; all 1
    /// when empty). All zeros when the text has no tokens.
    public func embed(_ text: String, weights: [Float] = []) -> [Float] {
        embed(tokens: tokens(text), weights: weights)
    }

    /// The unit-length vector of a text given by its tokens (as ``tokens(_:)`` makes them).
    public func embed(tokens: [Int32], weights: [Float]) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        vectors.withUnsafeBufferPointer { table in
            sum.withUnsafeMutableBufferPointer { sum in
                for token in tokens {
                    let id = Int(token)
                    guard id < vocabularySize else { continue }
                    let weight = id < weights.count ? weights[id] : 1
                    let row = id * dimensions
                    for j in 0..<dimensions { sum[j] += weight * table[row + j] }
                }
            }
        }
        var norm: Float = 0
        for value in sum { norm += value * value }
        norm = norm.squareRoot()
        if norm > 0 { for j in sum.indices { sum[j] /= norm } }
        return sum
    }
}

extension SentenceEncoder {
    /// The mean-pooled output of each vocabulary token encoded on its own, by id.
    func tokenVectors() -> [Embedding] {
        let forward = EncoderForward(weights: weights, blas: blas)
        let count = config.vocabularySize
        var rows: [Embedding] = []
        rows.reserveCapacity(count)
        let perBatch = max(1, batchTokens / 3)
        var start = 0
        while start < count {
            let end = min(start + perBatch, count)
            let batch = (start..<end).map { [tokenizer.classify, Int32($0), tokenizer.separator] }
            rows += forward.meanPooled(batch).map(Embedding.init)
            start = end
        }
        return rows
    }
}
