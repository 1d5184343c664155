public import Foundation

/// Several logistic-regression heads over one featurizer, stored in one model file: a yes/no head
/// per label (persuasion techniques, truthfulness ratings).
public struct MultiHeadClassifier: Sendable {
    public struct Head: Sendable {
        public var name: String
        public var model: LogisticRegression
        public var threshold: Double

        public init(name: String, model: LogisticRegression, threshold: Double) {
            self.name = name
            self.model = model
            self.threshold = threshold
        }
    }

    public var kind: String
    public var featurizer: TextFeaturizer
    public var heads: [Head] {
        didSet { interleaved = Self.interleave(heads, dimensions: featurizer.dimensions) }
    }
    public var info: [String: String]
    /// The heads' weights slot by slot (all heads' weights for slot 0, then slot 1, ...), so one
    /// pass over a feature vector scores every head.
    private var interleaved: [Float]

    public init(kind: String, featurizer: TextFeaturizer, heads: [Head], info: [String: String] = [:]) {
        self.kind = kind
        self.featurizer = featurizer
        self.heads = heads
        self.info = info
        self.interleaved = Self.interleave(heads, dimensions: featurizer.dimensions)
    }

    static func interleave(_ heads: [Head], dimensions: Int) -> [Float] {
        var result = [Float](repeating: 0, count: dimensions * heads.count)
        for (head, value) in heads.enumerated() {
            for slot in 0..<min(dimensions, value.model.weights.count) { result[slot * heads.count + head] = value.model.weights[slot] }
        }
        return result
    }

    public var version: String { info["version"] ?? "unversioned" }

    /// Every head's probability for `text`.
    public func scores(_ text: String, cues: [String] = []) -> [Double] {
        let vector = featurizer.vector(text, cues: cues)
        let count = heads.count
        var sums = heads.map(\.model.bias)
        interleaved.withUnsafeBufferPointer { weights in
            sums.withUnsafeMutableBufferPointer { totals in
                for position in 0..<vector.indices.count {
                    let base = Int(vector.indices[position]) * count
                    let value = vector.values[position]
                    for head in 0..<count { totals[head] += weights[base + head] * value }
                }
            }
        }
        return sums.map { 1 / (1 + exp(-Double($0))) }
    }

    public func head(_ name: String) -> Int? { heads.firstIndex { $0.name == name } }

    public func encoded() throws -> Data {
        var header = info
        header["featurizer"] = featurizer.headerValue
        header["heads"] = heads.map(\.name).joined(separator: "|")
        header["biases"] = heads.map { String($0.model.bias) }.joined(separator: "|")
        header["thresholds"] = heads.map { String($0.threshold) }.joined(separator: "|")
        return ModelFile(kind: kind, header: header, weights: heads.flatMap(\.model.weights)).encoded()
    }

    public static func load(from data: Data, kind: String) throws -> MultiHeadClassifier {
        let file = try ModelFile(decoding: data, kind: kind)
        let damaged = CrosscheckError(.modelMissing, "the \(kind) model file is damaged; rebuild it with crosscheck train \(trainCommand(kind))")
        guard let featurizer = TextFeaturizer(headerValue: file.header["featurizer"]) else {
            throw damaged
        }
        let names = file.header["heads", default: ""].split(separator: "|").map(String.init)
        let biases = file.header["biases", default: ""].split(separator: "|").compactMap { Float($0) }
        let thresholds = file.header["thresholds", default: ""].split(separator: "|").compactMap { Double($0) }
        let size = featurizer.dimensions
        guard !names.isEmpty, biases.count == names.count, thresholds.count == names.count, file.weights.count == size * names.count else {
            throw damaged
        }
        let heads = names.indices.map { index in
            Head(
                name: names[index],
                model: LogisticRegression(weights: Array(file.weights[(index * size)..<((index + 1) * size)]), bias: biases[index]),
                threshold: thresholds[index])
        }
        return MultiHeadClassifier(kind: kind, featurizer: featurizer, heads: heads, info: file.header)
    }

    /// The `crosscheck train` subcommand that makes a model of `kind`.
    static func trainCommand(_ kind: String) -> String { kind == "stance" ? "stance" : "language" }

    /// The shipped model of `kind`, from `models` (by default ``ModelDirectory/standard(environment:)``).
    public static func bundled(_ kind: String, from models: ModelDirectory? = nil) throws -> MultiHeadClassifier {
        let models = try models ?? .standard()
        guard let url = models.file(kind + ".model") else {
            throw CrosscheckError(
                .modelMissing, "the \(kind) model is not in \(models); rebuild, or run crosscheck train \(trainCommand(kind))",
                adjustment: .modelDirectory)
        }
        return try load(from: Data(contentsOf: url), kind: kind)
    }
}
