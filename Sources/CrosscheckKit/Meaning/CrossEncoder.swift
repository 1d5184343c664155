public import Foundation

/// A pair classifier fine-tuned from the sentence encoder: reads `[CLS] first [SEP] second [SEP]`
/// through the same transformer runtime, mean-pools the last layer and maps it to one probability
/// per label with a linear layer and softmax.
///
/// Its directory holds `model.safetensors` (every weight but the word embeddings, which stayed
/// frozen in training and are taken from the encoder it was trained from) and `manifest.json`
/// (labels, checksums, the encoder's checksum, the training record).
public struct CrossEncoder: Sendable {
    /// What `manifest.json` says about the model.
    public struct Manifest: Sendable, Codable {
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
    }

    public let identity: ModelIdentity
    public let labels: [String]
    /// Tokens per pair; longer pairs are cut, the longer text first.
    public let maxTokens: Int
    let tokenizer: WordPieceTokenizer
    let weights: EncoderWeights
    let classifier: [Float]
    let classifierBias: [Float]
    let blas: BLAS.Library
    /// Tokens per forward batch; bounds the activations' memory.
    public var batchTokens = 2048

    /// Loads the pair classifier in `directory`, on the word embeddings and vocabulary of `encoder`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a file is absent, damaged or
    ///   was trained from a different encoder.
    public init(directory: URL, encoder: SentenceEncoder) throws {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let modelURL = directory.appendingPathComponent("model.safetensors")
        guard let manifestData = try? Data(contentsOf: manifestURL), let modelData = try? Data(contentsOf: modelURL, options: .alwaysMapped)
        else {
            throw CrosscheckError(
                .modelMissing, "the pair model in \(directory.path) is missing model.safetensors or manifest.json; restore them from the repository")
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: manifestData)
        } catch {
            throw CrosscheckError(.modelMissing, "\(manifestURL.path) is not a usable manifest (\(error)); restore it from the repository")
        }
        guard let encoderSum = encoder.identity.sha256, encoderSum == manifest.wordEmbeddingsFrom.sha256 else {
            throw CrosscheckError(
                .modelMissing,
                "the pair model in \(directory.path) was trained on encoder \(manifest.wordEmbeddingsFrom.name) sha256:\(manifest.wordEmbeddingsFrom.sha256.prefix(12)), "
                    + "but the loaded encoder is sha256:\(encoder.identity.sha256?.prefix(12) ?? "unknown"); use the encoder it was trained with, or retrain it")
        }
        let file = try SafeTensors(data: modelData, source: modelURL.path)
        let hidden = encoder.config.hiddenSize
        self.weights = try EncoderWeights(file, config: encoder.config, sharedWordEmbeddings: encoder.weights.wordEmbeddings)
        self.classifier = try file.floats("classifier.weight", shape: [manifest.labels.count, hidden])
        self.classifierBias = try file.floats("classifier.bias", shape: [manifest.labels.count])
        self.labels = manifest.labels
        self.maxTokens = min(manifest.maxLength, encoder.config.maxPositions)
        self.tokenizer = encoder.tokenizer
        self.blas = encoder.blas
        self.identity = ModelIdentity(
            name: manifest.name, version: manifest.version, sha256: manifest.sha256,
            details: ["storage": manifest.storage ?? "float16", "labels": manifest.labels.joined(separator: ","),
                      "max_tokens": String(maxTokens), "encoder": String(manifest.wordEmbeddingsFrom.sha256.prefix(12))])
    }

    /// The token ids and types the model reads for a pair.
    public func pairIDs(_ first: String, _ second: String) -> (ids: [Int32], types: [Int32]) {
        tokenizer.pairIDs(first, second, maxTokens: maxTokens)
    }

    /// One probability per label (in ``labels`` order) for each pair, in order. Pairs are
    /// batched by length.
    public func probabilities(_ pairs: [(first: String, second: String)]) -> [[Double]] {
        let encoded = pairs.map { pairIDs($0.first, $0.second) }
        let order = encoded.indices.sorted { encoded[$0].ids.count < encoded[$1].ids.count }
        var result = [[Double]](repeating: [], count: pairs.count)
        let forward = EncoderForward(weights: weights, blas: blas)
        var batch: [Int] = []
        var tokens = 0
        func flush() {
            guard !batch.isEmpty else { return }
            let pooled = forward.meanPooled(batch.map { encoded[$0].ids }, types: batch.map { encoded[$0].types })
            for (index, vector) in zip(batch, pooled) { result[index] = softmax(logits(vector)) }
            batch.removeAll(keepingCapacity: true)
            tokens = 0
        }
        for index in order {
            if tokens + encoded[index].ids.count > batchTokens { flush() }
            batch.append(index)
            tokens += encoded[index].ids.count
        }
        flush()
        return result
    }

    func logits(_ pooled: [Float]) -> [Double] {
        let hidden = pooled.count
        return labels.indices.map { label in
            var sum = Double(classifierBias[label])
            for j in 0..<hidden { sum += Double(classifier[label * hidden + j]) * Double(pooled[j]) }
            return sum
        }
    }

    func softmax(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exps = logits.map { Foundation.exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
