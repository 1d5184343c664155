import Foundation

/// The encoder's forward pass over a batch of token sequences packed end to end (no padding):
/// the linear layers multiply all tokens of the batch at once; attention runs per sequence.
struct EncoderForward {
    let weights: EncoderWeights
    let blas: BLAS.Library

    /// The mean-pooled, L2-normalised embedding of each sequence in `batch`.
    func embed(_ batch: [[Int32]]) -> [[Float]] {
        meanPooled(batch).map { pooled in
            var pooled = pooled
            var norm: Float = 0
            for value in pooled { norm += value * value }
            norm = norm.squareRoot()
            if norm > 0 { for j in pooled.indices { pooled[j] /= norm } }
            return pooled
        }
    }

    /// The mean of the last layer's token states of each sequence in `batch`; `types` gives each
    /// token's type (all 0 when `nil`).
    func meanPooled(_ batch: [[Int32]], types: [[Int32]]? = nil) -> [[Float]] {
        let hidden = weights.config.hiddenSize
        let (x, offsets) = tokenStates(batch, types: types)
        return batch.indices.map { sequenceIndex in
            var pooled = [Float](repeating: 0, count: hidden)
            let length = batch[sequenceIndex].count
            for token in 0..<length {
                let row = (offsets[sequenceIndex] + token) * hidden
                for j in 0..<hidden { pooled[j] += x[row + j] }
            }
            for j in 0..<hidden { pooled[j] /= Float(max(length, 1)) }
            return pooled
        }
    }

    /// The last layer's state of every token of `batch`, sequences end to end (row `offsets[s] + t`
    /// is token `t` of sequence `s`, `hiddenSize` floats a row).
    func tokenStates(_ batch: [[Int32]], types: [[Int32]]? = nil) -> (states: [Float], offsets: [Int]) {
        let config = weights.config
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        let total = batch.reduce(0) { $0 + $1.count }
        var offsets: [Int] = []
        var running = 0
        for sequence in batch {
            offsets.append(running)
            running += sequence.count
        }
        guard total > 0 else { return ([], offsets) }

        var x = [Float](repeating: 0, count: total * hidden)
        // Embeddings: word + position + token type, then layer norm.
        x.withUnsafeMutableBufferPointer { x in
            weights.wordEmbeddings.withUnsafeBufferPointer { words in
                weights.positionEmbeddings.withUnsafeBufferPointer { positions in
                    weights.tokenTypeEmbeddings.withUnsafeBufferPointer { tokenTypes in
                        for (sequenceIndex, sequence) in batch.enumerated() {
                            for (position, id) in sequence.enumerated() {
                                let row = (offsets[sequenceIndex] + position) * hidden
                                let word = Int(id) * hidden
                                let positionRow = position * hidden
                                let typeRow = Int(types?[sequenceIndex][position] ?? 0) * hidden
                                for j in 0..<hidden {
                                    x[row + j] = Float(words[word + j]) + positions[positionRow + j] + tokenTypes[typeRow + j]
                                }
                            }
                        }
                    }
                }
            }
        }
        Self.layerNorm(
            &x, rows: total, width: hidden, weight: weights.embeddingNormWeight,
            bias: weights.embeddingNormBias, epsilon: config.layerNormEpsilon)

        var qkv = [Float](repeating: 0, count: total * 3 * hidden)
        var context = [Float](repeating: 0, count: total * hidden)
        var projected = [Float](repeating: 0, count: total * hidden)
        var intermediate = [Float](repeating: 0, count: total * inner)
        let longest = batch.map(\.count).max() ?? 0
        var scores = [Float](repeating: 0, count: longest * longest)
        for layer in weights.layers {
            linear(x, rows: total, inputs: hidden, weight: layer.qkv, bias: layer.qkvBias, outputs: 3 * hidden, into: &qkv)
            attention(qkv: qkv, offsets: offsets, lengths: batch.map(\.count), scores: &scores, into: &context)
            linear(
                context, rows: total, inputs: hidden, weight: layer.attentionOutput, bias: layer.attentionOutputBias,
                outputs: hidden, into: &projected)
            Self.addInPlace(&x, projected)
            Self.layerNorm(
                &x, rows: total, width: hidden, weight: layer.attentionNormWeight, bias: layer.attentionNormBias,
                epsilon: config.layerNormEpsilon)
            linear(
                x, rows: total, inputs: hidden, weight: layer.intermediate, bias: layer.intermediateBias,
                outputs: inner, into: &intermediate)
            Self.gelu(&intermediate)
            linear(
                intermediate, rows: total, inputs: inner, weight: layer.output, bias: layer.outputBias,
                outputs: hidden, into: &projected)
            Self.addInPlace(&x, projected)
            Self.layerNorm(
                &x, rows: total, width: hidden, weight: layer.outputNormWeight, bias: layer.outputNormBias,
                epsilon: config.layerNormEpsilon)
        }

        return (x, offsets)
    }

    /// Scaled dot-product attention, head by head, within each sequence.
    func attention(qkv: [Float], offsets: [Int], lengths: [Int], scores: inout [Float], into context: inout [Float]) {
        let hidden = weights.config.hiddenSize
        let heads = weights.config.heads
        let width = hidden / heads
        let scale = 1 / Float(width).squareRoot()
        let stride = 3 * hidden
        qkv.withUnsafeBufferPointer { qkv in
            scores.withUnsafeMutableBufferPointer { scores in
                context.withUnsafeMutableBufferPointer { context in
                    for (sequence, length) in lengths.enumerated() where length > 0 {
                        let base = offsets[sequence]
                        for head in 0..<heads {
                            let query = qkv.baseAddress! + base * 3 * hidden + head * width
                            let key = query + hidden
                            let value = query + 2 * hidden
                            BLAS.sgemm(
                                blas, transposeA: false, transposeB: true, m: length, n: length, k: width, alpha: scale,
                                a: query, lda: stride, b: key, ldb: stride, beta: 0, c: scores.baseAddress!, ldc: length)
                            for row in 0..<length {
                                let start = row * length
                                var largest = -Float.infinity
                                for j in 0..<length { largest = max(largest, scores[start + j]) }
                                var sum: Float = 0
                                for j in 0..<length {
                                    let e = expf(scores[start + j] - largest)
                                    scores[start + j] = e
                                    sum += e
                                }
                                let inverse = 1 / sum
                                for j in 0..<length { scores[start + j] *= inverse }
                            }
                            BLAS.sgemm(
                                blas, transposeA: false, transposeB: false, m: length, n: width, k: length, alpha: 1,
                                a: scores.baseAddress!, lda: length, b: value, ldb: stride, beta: 0,
                                c: context.baseAddress! + base * hidden + head * width, ldc: hidden)
                        }
                    }
                }
            }
        }
    }

    /// `output[rows][outputs] = input[rows][inputs] · weight[outputs][inputs]ᵀ + bias`.
    func linear(
        _ input: [Float], rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int,
        into output: inout [Float]
    ) {
        output.withUnsafeMutableBufferPointer { output in
            bias.withUnsafeBufferPointer { bias in
                for row in 0..<rows {
                    (output.baseAddress! + row * outputs).update(from: bias.baseAddress!, count: outputs)
                }
            }
            input.withUnsafeBufferPointer { input in
                weight.withUnsafeBufferPointer { weight in
                    BLAS.sgemm(
                        blas, transposeA: false, transposeB: true, m: rows, n: outputs, k: inputs, alpha: 1,
                        a: input.baseAddress!, lda: inputs, b: weight.baseAddress!, ldb: inputs, beta: 1,
                        c: output.baseAddress!, ldc: outputs)
                }
            }
        }
    }

    static func addInPlace(_ x: inout [Float], _ y: [Float]) {
        x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                for i in 0..<x.count { x[i] += y[i] }
            }
        }
    }

    static func layerNorm(_ x: inout [Float], rows: Int, width: Int, weight: [Float], bias: [Float], epsilon: Float) {
        weight.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                x.withUnsafeMutableBufferPointer { x in
                    for row in 0..<rows {
                        let start = row * width
                        var mean: Float = 0
                        for j in 0..<width { mean += x[start + j] }
                        mean /= Float(width)
                        var variance: Float = 0
                        for j in 0..<width {
                            let d = x[start + j] - mean
                            variance += d * d
                        }
                        variance /= Float(width)
                        let inverse = 1 / (variance + epsilon).squareRoot()
                        for j in 0..<width { x[start + j] = (x[start + j] - mean) * inverse * weight[j] + bias[j] }
                    }
                }
            }
        }
    }

    /// GELU with the error function, as BERT defines it. The error function is a rational
    /// approximation on [-4, 4] (the one Eigen and XLA use; within 5e-7 of erf), which, unlike a
    /// call to `erff`, the compiler vectorises.
    static func gelu(_ x: inout [Float]) {
        x.withUnsafeMutableBufferPointer { x in
            for i in 0..<x.count {
                let v = x[i]
                x[i] = 0.5 * v * (1 + erf(v * 0.70710678118654752))
            }
        }
    }

    @inline(__always)
    static func erf(_ value: Float) -> Float {
        let x = min(max(value, -4), 4)
        let x2 = x * x
        var p: Float = -2.72614225801306e-10
        p = p * x2 + 2.77068142495902e-08
        p = p * x2 - 2.10102402082508e-06
        p = p * x2 - 5.69250639462346e-05
        p = p * x2 - 7.34990630326855e-04
        p = p * x2 - 2.95459980854025e-03
        p = p * x2 - 1.60960333262415e-02
        var q: Float = -1.45660718464996e-05
        q = q * x2 - 2.13374055278905e-04
        q = q * x2 - 1.68282697438203e-03
        q = q * x2 - 7.37332916720468e-03
        q = q * x2 - 1.42647390514189e-02
        return x * p / q
    }
}
