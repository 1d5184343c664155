internal import Foundation

/// Binary logistic regression over hashed sparse features.
public struct LogisticRegression: Sendable {
    /// One weight per feature slot.
    public var weights: [Float]
    public var bias: Float

    public init(dimensions: Int) {
        weights = [Float](repeating: 0, count: dimensions)
        bias = 0
    }

    public init(weights: [Float], bias: Float) {
        self.weights = weights
        self.bias = bias
    }

    public var dimensions: Int { weights.count }

    /// The raw score (log-odds) of `vector`.
    public func margin(_ vector: SparseVector) -> Float {
        var sum = bias
        weights.withUnsafeBufferPointer { w in
            for position in 0..<vector.indices.count {
                sum += w[Int(vector.indices[position])] * vector.values[position]
            }
        }
        return sum
    }

    /// The probability of the positive class.
    public func probability(_ vector: SparseVector) -> Float {
        1 / (1 + exp(-margin(vector)))
    }

    /// How to train.
    public struct TrainingOptions: Sendable, Hashable {
        /// Passes over the data. The default is 12.
        public var epochs: Int
        /// AdaGrad's base learning rate. The default is 0.2.
        public var learningRate: Float
        /// L2 penalty per example. The default is 1e-5.
        public var l2: Float
        /// The seed for shuffling. The default is 1.
        public var seed: UInt64

        public init(epochs: Int = 12, learningRate: Float = 0.2, l2: Float = 1e-5, seed: UInt64 = 1) {
            self.epochs = epochs
            self.learningRate = learningRate
            self.l2 = l2
            self.seed = seed
        }
    }

    /// Trains a model with AdaGrad on weighted examples; deterministic for a given seed.
    ///
    /// - Parameters:
    ///   - examples: Feature vectors, labels (`true` = positive) and example weights.
    ///   - dimensions: The number of feature slots.
    public static func train(
        _ examples: [(vector: SparseVector, label: Bool, weight: Float)], dimensions: Int,
        options: TrainingOptions = .init()
    ) -> LogisticRegression {
        var model = LogisticRegression(dimensions: dimensions)
        var accumulated = [Float](repeating: 1e-6, count: dimensions)
        var biasAccumulated: Float = 1e-6
        var generator = SeededGenerator(seed: options.seed)
        var order = Array(examples.indices)
        let rate = options.learningRate
        let l2 = options.l2
        for _ in 0..<options.epochs {
            order.shuffle(using: &generator)
            for index in order {
                let example = examples[index]
                let p = model.probability(example.vector)
                let error = (p - (example.label ? 1 : 0)) * example.weight
                model.weights.withUnsafeMutableBufferPointer { w in
                    accumulated.withUnsafeMutableBufferPointer { g in
                        for position in 0..<example.vector.indices.count {
                            let slot = Int(example.vector.indices[position])
                            let gradient = error * example.vector.values[position] + l2 * w[slot]
                            g[slot] += gradient * gradient
                            w[slot] -= rate * gradient / g[slot].squareRoot()
                        }
                    }
                }
                biasAccumulated += error * error
                model.bias -= rate * error / biasAccumulated.squareRoot()
            }
        }
        return model
    }
}
