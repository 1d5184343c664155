public import Foundation

/// A word tagger fine-tuned from the sentence encoder: gives every word of a text one probability
/// per label, read from the last layer's state of the word's first piece through a linear layer
/// and softmax.
///
/// A text is read in windows: paragraphs (split at newlines) packed in text order up to the
/// model's length, a longer paragraph cut at word boundaries — as its trainer reads them.
public struct WordTagger: Sendable {
    /// One word and its label probabilities (in ``labels`` order).
    public struct Word: Sendable {
        /// The word's span, in Unicode scalars of the text.
        public var range: Range<Int>
        public var probabilities: [Double]
    }

    let model: FineTunedModel
    public var identity: ModelIdentity { model.identity }
    public var labels: [String] { model.labels }
    /// What its manifest says a span of each kind needs to be shown to readers, when it says.
    public var displayThresholds: [String: Double]? { model.displayThresholds }
    /// Reads a text's words as one sequence of labels, when the manifest counted its trainer's bigrams.
    public var decoder: LabelSequenceDecoder? { model.decoder }
    /// Tokens per forward batch; bounds the activations' memory.
    public var batchTokens = 2048

    /// Loads the tagger in `directory`, on the word embeddings and vocabulary of `encoder`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a file is absent, damaged or
    ///   was trained from a different encoder.
    public init(directory: URL, encoder: SentenceEncoder) throws {
        self.model = try FineTunedModel(directory: directory, encoder: encoder, what: "word tagger")
    }

    /// Every word of `scalars` with its label probabilities, in text order.
    public func tag(_ scalars: [Unicode.Scalar]) -> [Word] {
        let spans = TextWords.spans(in: scalars)
        guard !spans.isEmpty else { return [] }
        let tokenizer = model.tokenizer
        let pieces: [[Int32]] = spans.map { span in
            let word = String(String.UnicodeScalarView(scalars[span]))
            let ids = tokenizer.words(word).flatMap { tokenizer.pieces($0) }
            return ids.isEmpty ? [tokenizer.unknown] : ids
        }
        let windows = Self.windows(spans: spans, pieceCounts: pieces.map(\.count), scalars: scalars, limit: model.maxTokens - 2)
        // Each window's ids and the position of each of its words' first piece.
        let encoded: [(ids: [Int32], firsts: [Int])] = windows.map { window in
            var ids = [tokenizer.classify]
            var firsts: [Int] = []
            let limit = model.maxTokens - 2
            for word in window {
                var piece = Array(pieces[word].prefix(limit))
                if ids.count + piece.count > limit + 1 { piece = Array(piece.prefix(limit + 1 - ids.count)) }
                firsts.append(ids.count)
                ids += piece
            }
            ids.append(tokenizer.separator)
            return (ids, firsts)
        }
        var result = [Word](repeating: Word(range: 0..<0, probabilities: []), count: spans.count)
        let forward = model.forward
        let hidden = model.weights.config.hiddenSize
        var batch: [Int] = []
        var tokens = 0
        func flush() {
            guard !batch.isEmpty else { return }
            let (states, offsets) = forward.tokenStates(batch.map { encoded[$0].ids })
            for (slot, index) in batch.enumerated() {
                for (word, first) in zip(windows[index], encoded[index].firsts) {
                    result[word] = Word(range: spans[word], probabilities: model.probabilities(states, offset: (offsets[slot] + first) * hidden))
                }
            }
            batch.removeAll(keepingCapacity: true)
            tokens = 0
        }
        for index in encoded.indices {
            if tokens + encoded[index].ids.count > batchTokens { flush() }
            batch.append(index)
            tokens += encoded[index].ids.count
        }
        flush()
        return result
    }

    /// Word indices of each window: paragraphs packed up to `limit` pieces, a longer one cut.
    static func windows(spans: [Range<Int>], pieceCounts: [Int], scalars: [Unicode.Scalar], limit: Int) -> [[Int]] {
        var paragraphs: [[Int]] = []
        var current: [Int] = []
        var lastEnd = 0
        for (index, span) in spans.enumerated() {
            if !current.isEmpty, scalars[lastEnd..<span.lowerBound].contains("\n") {
                paragraphs.append(current)
                current = []
            }
            current.append(index)
            lastEnd = span.upperBound
        }
        if !current.isEmpty { paragraphs.append(current) }
        var result: [[Int]] = []
        var window: [Int] = []
        var size = 0
        for paragraph in paragraphs {
            let count = paragraph.reduce(0) { $0 + pieceCounts[$1] }
            if !window.isEmpty, size + count > limit {
                result.append(window)
                window = []
                size = 0
            }
            if count > limit {
                for word in paragraph {
                    if !window.isEmpty, size + pieceCounts[word] > limit {
                        result.append(window)
                        window = []
                        size = 0
                    }
                    window.append(word)
                    size += pieceCounts[word]
                }
                result.append(window)
                window = []
                size = 0
                continue
            }
            window += paragraph
            size += count
        }
        if !window.isEmpty { result.append(window) }
        return result
    }
}
