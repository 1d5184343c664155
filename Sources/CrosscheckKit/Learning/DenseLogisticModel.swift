public import Foundation

/// Logistic regression over a few named, standardised dense features: for re-rankers whose
/// features are scores and ratios rather than words.
public struct DenseLogisticModel: Sendable {
    public var kind: String
    public var names: [String]
    public var means: [Double]
    public var scales: [Double]
    public var weights: [Double]
    public var bias: Double
    public var info: [String: String]

    public var version: String { info["version"] ?? "unversioned" }

    /// The probability of the positive class for one feature row (in `names` order).
    public func probability(_ features: [Double]) -> Double {
        var sum = bias
        for index in weights.indices { sum += weights[index] * (features[index] - means[index]) / scales[index] }
        return 1 / (1 + exp(-sum))
    }

    /// Fits standardised features with AdaGrad; deterministic for a given seed.
    public static func train(
        kind: String, names: [String], rows: [(features: [Double], label: Bool)], positiveWeight: Float = 1,
        options: LogisticRegression.TrainingOptions = .init(epochs: 40, learningRate: 0.05, l2: 1e-3, seed: 1), info: [String: String] = [:]
    ) -> DenseLogisticModel {
        let count = Double(max(rows.count, 1))
        let means = names.indices.map { column in rows.reduce(0) { $0 + $1.features[column] } / count }
        let scales = names.indices.map { column -> Double in
            let variance = rows.reduce(0) { $0 + pow($1.features[column] - means[column], 2) } / count
            return variance > 1e-12 ? variance.squareRoot() : 1
        }
        let examples = rows.map { row -> (vector: SparseVector, label: Bool, weight: Float) in
            var vector = SparseVector()
            for column in names.indices { vector.append(column, Float((row.features[column] - means[column]) / scales[column])) }
            return (vector, row.label, row.label ? positiveWeight : 1)
        }
        let fitted = LogisticRegression.train(examples, dimensions: names.count, options: options)
        return DenseLogisticModel(
            kind: kind, names: names, means: means, scales: scales, weights: fitted.weights.map(Double.init), bias: Double(fitted.bias), info: info)
    }

    /// The model as a model file; means, scales and the bias go in the header at full precision.
    public func encoded() -> Data {
        var header = info
        header["features"] = names.joined(separator: ",")
        header["means"] = means.map { String($0) }.joined(separator: ",")
        header["scales"] = scales.map { String($0) }.joined(separator: ",")
        header["weights"] = weights.map { String($0) }.joined(separator: ",")
        header["bias"] = String(bias)
        return ModelFile(kind: kind, header: header, weights: []).encoded()
    }

    /// Reads a model file written by ``encoded()``; `names` must be the features the caller computes.
    public static func load(from data: Data, kind: String, names: [String], rebuild: String) throws -> DenseLogisticModel {
        let file = try ModelFile(decoding: data, kind: kind)
        func numbers(_ key: String) -> [Double]? {
            file.header[key].map { $0.split(separator: ",").compactMap { Double($0) } }
        }
        guard file.header["features"] == names.joined(separator: ","), let means = numbers("means"), let scales = numbers("scales"),
            let weights = numbers("weights"), let bias = Double(file.header["bias"] ?? ""),
            means.count == names.count, scales.count == names.count, weights.count == names.count
        else {
            throw CrosscheckError(.modelMissing, "the \(kind) model was made for other features; rebuild it with \(rebuild)")
        }
        return DenseLogisticModel(kind: kind, names: names, means: means, scales: scales, weights: weights, bias: bias, info: file.header)
    }
}
