import CBLAS
import Foundation

/// The encoder's forward pass over a batch of token sequences packed end to end (no padding):
/// the linear layers multiply all tokens of the batch at once; attention runs per sequence.
struct EncoderForward {
    let weights: EncoderWeights

    /// The mean-pooled, L2-normalised embedding of each sequence in `batch`.
    func embed(_ batch: [[Int32]]) -> [[Float]] {
        let config = weights.config
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        let total = batch.reduce(0) { $0 + $1.count }
        guard total > 0 else { return batch.map { _ in [Float](repeating: 0, count: hidden) } }
        var offsets: [Int] = []
        var running = 0
        for sequence in batch {
            offsets.append(running)
            running += sequence.count
        }

        var x = [Float](repeating: 0, count: total * hidden)
        // Embeddings: word + position + token type 0, then layer norm.
        x.withUnsafeMutableBufferPointer { x in
            weights.wordEmbeddings.withUnsafeBufferPointer { words in
                for (sequenceIndex, sequence) in batch.enumerated() {
                    for (position, id) in sequence.enumerated() {
                        let row = (offsets[sequenceIndex] + position) * hidden
                        let word = Int(id) * hidden
                        let positionRow = position * hidden
                        for j in 0..<hidden {
                            x[row + j] = Float(words[word + j]) + weights.positionEmbeddings[positionRow + j]
                                + weights.tokenTypeEmbedding[j]
                        }
                    }
                }
            }
        }
        Self.layerNorm(&x, rows: total, width: hidden, weight: weights.embeddingNormWeight,
                       bias: weights.embeddingNormBias, epsilon: config.layerNormEpsilon)

        var qkv = [Float](repeating: 0, count: total * 3 * hidden)
        var context = [Float](repeating: 0, count: total * hidden)
        var projected = [Float](repeating: 0, count: total * hidden)
        var intermediate = [Float](repeating: 0, count: total * inner)
        let longest = batch.map(\.count).max() ?? 0
        var scores = [Float](repeating: 0, count: longest * longest)
        for layer in weights.layers {
            Self.linear(x, rows: total, inputs: hidden, weight: layer.qkv, bias: layer.qkvBias, outputs: 3 * hidden, into: &qkv)
            attention(qkv: qkv, offsets: offsets, lengths: batch.map(\.count), scores: &scores, into: &context)
            Self.linear(context, rows: total, inputs: hidden, weight: layer.attentionOutput, bias: layer.attentionOutputBias,
                        outputs: hidden, into: &projected)
            Self.addInPlace(&x, projected)
            Self.layerNorm(&x, rows: total, width: hidden, weight: layer.attentionNormWeight, bias: layer.attentionNormBias,
                           epsilon: config.layerNormEpsilon)
            Self.linear(x, rows: total, inputs: hidden, weight: layer.intermediate, bias: layer.intermediateBias,
                        outputs: inner, into: &intermediate)
            Self.gelu(&intermediate)
            Self.linear(intermediate, rows: total, inputs: inner, weight: layer.output, bias: layer.outputBias,
                        outputs: hidden, into: &projected)
            Self.addInPlace(&x, projected)
            Self.layerNorm(&x, rows: total, width: hidden, weight: layer.outputNormWeight, bias: layer.outputNormBias,
                           epsilon: config.layerNormEpsilon)
        }

        // Mean pooling over each sequence's tokens, then unit length.
        return batch.indices.map { sequenceIndex in
            var pooled = [Float](repeating: 0, count: hidden)
            let length = batch[sequenceIndex].count
            for token in 0..<length {
                let row = (offsets[sequenceIndex] + token) * hidden
                for j in 0..<hidden { pooled[j] += x[row + j] }
            }
            var norm: Float = 0
            for j in 0..<hidden {
                pooled[j] /= Float(length)
                norm += pooled[j] * pooled[j]
            }
            norm = norm.squareRoot()
            if norm > 0 { for j in 0..<hidden { pooled[j] /= norm } }
            return pooled
        }
    }

    /// Scaled dot-product attention, head by head, within each sequence.
    func attention(qkv: [Float], offsets: [Int], lengths: [Int], scores: inout [Float], into context: inout [Float]) {
        let hidden = weights.config.hiddenSize
        let heads = weights.config.heads
        let width = hidden / heads
        let scale = 1 / Float(width).squareRoot()
        let stride = Int32(3 * hidden)
        qkv.withUnsafeBufferPointer { qkv in
            scores.withUnsafeMutableBufferPointer { scores in
                context.withUnsafeMutableBufferPointer { context in
                    for (sequence, length) in lengths.enumerated() where length > 0 {
                        let base = offsets[sequence]
                        let n = Int32(length)
                        for head in 0..<heads {
                            let query = qkv.baseAddress! + base * 3 * hidden + head * width
                            let key = query + hidden
                            let value = query + 2 * hidden
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(width), scale,
                                        query, stride, key, stride, 0, scores.baseAddress!, n)
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
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(width), n, 1,
                                        scores.baseAddress!, n, value, stride, 0,
                                        context.baseAddress! + base * hidden + head * width, Int32(hidden))
                        }
                    }
                }
            }
        }
    }

    /// `output[rows][outputs] = input[rows][inputs] · weight[outputs][inputs]ᵀ + bias`.
    static func linear(_ input: [Float], rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int,
                       into output: inout [Float]) {
        output.withUnsafeMutableBufferPointer { output in
            for row in 0..<rows {
                for j in 0..<outputs { output[row * outputs + j] = bias[j] }
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
                        input, Int32(inputs), weight, Int32(inputs), 1, output.baseAddress!, Int32(outputs))
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

    /// GELU with the error function, as BERT defines it.
    static func gelu(_ x: inout [Float]) {
        x.withUnsafeMutableBufferPointer { x in
            for i in 0..<x.count {
                let v = x[i]
                x[i] = 0.5 * v * (1 + erff(v * 0.70710678118654752))
            }
        }
    }
}
