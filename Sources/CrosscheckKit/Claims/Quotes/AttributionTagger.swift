public import Foundation

/// Quotations and reported speech found by a trained word tagger: each word of the article is
/// labelled part of what was said (content), of who said it (source) or of the cue ("said",
/// "according to"), and the labelled runs are put together into relations — a content, the source
/// beside it in its paragraph, the kind its quotation marks make it.
///
/// Trained on hand-annotated attribution relations in news (`scripts/train-attribution/train.py`).
public struct AttributionTagger: Sendable {
    public let tagger: WordTagger
    let labelIndex: [String: Int]
    /// Whether a quotation with no source in its paragraph takes the speaker of the quotation in
    /// the paragraph before.
    public var carryOver = true
    /// Whether the words are read as one sequence of labels (when the model counted its trainer's
    /// label bigrams) rather than each word's likeliest label alone.
    public var sequenceDecoding = true

    /// Wraps a word tagger whose labels are `O` and `B-`/`I-` of `CONTENT`, `SOURCE` and `CUE`.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when a label is absent.
    public init(tagger: WordTagger) throws {
        var index: [String: Int] = [:]
        for (position, label) in tagger.labels.enumerated() { index[label] = position }
        for label in Self.labels where index[label] == nil {
            throw CrosscheckError(.modelMissing, "the attribution tagger has labels \(tagger.labels), without \(label); retrain it")
        }
        self.tagger = tagger
        self.labelIndex = index
    }

    static let notSources: Set<String> = ["and", "or", "but", "nor", "that", "which", "as", "then", "also", "so", "while"]

    static let labels = ["O", "B-CONTENT", "I-CONTENT", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE"]

    public var identity: ModelIdentity {
        var identity = tagger.identity
        if let decoder = tagger.decoder, sequenceDecoding { identity.version += "+viterbi-\(decoder.transitionWeight)" }
        return identity
    }

    /// The attribution tagger shipped with the engine, on `encoder`, from `models` (by default
    /// ``ModelDirectory/standard(environment:)``); `nil` when its files were removed.
    public static func bundled(encoder: SentenceEncoder, from models: ModelDirectory? = nil) throws -> AttributionTagger? {
        let models = try models ?? .standard()
        guard models.hasTransformer("attribution"), let url = models.file("attribution") else { return nil }
        return try AttributionTagger(tagger: WordTagger(directory: url, encoder: encoder))
    }

    /// A run of words with one role.
    struct Run {
        enum Role { case content, source, cue }
        var role: Role
        var words: Range<Int>
        /// A content run that continues the content before it (its first word was tagged I-).
        var continues: Bool
    }

    /// Every quotation and piece of reported speech in `text`, in text order.
    public func relations(in text: String) -> [SpeechExtraction.Item] {
        let scalars = Array(text.unicodeScalars)
        let words = tagger.tag(scalars)
        let runs: [Run]
        if let decoder = tagger.decoder, sequenceDecoding {
            let modelLabels = tagger.labels
            runs = Self.runs(labels: decoder.decode(words.map(\.probabilities)).map { modelLabels[$0] })
        } else {
            let columns = Self.labels.map { labelIndex[$0] ?? 0 }
            runs = Self.runs(
                labels: words.map { word in
                    let best = columns.indices.max { word.probabilities[columns[$0]] < word.probabilities[columns[$1]] } ?? 0
                    return Self.labels[best]
                })
        }
        let spans = words.map(\.range)
        let contents = Self.joined(runs.filter { $0.role == .content }, spans: spans, scalars: scalars)
        // A source opens with no conjunction ("while Finance Minister Ana Ruiz" is Ana Ruiz), and
        // one of conjunctions alone ("and" before a second verb) names no one.
        let sources = runs.compactMap { run -> Run? in
            guard run.role == .source else { return nil }
            let named = run.words.drop { index in
                let word = String(String.UnicodeScalarView(scalars[spans[index]])).lowercased()
                return Self.notSources.contains(word) || TextWords.isPunctuation(scalars[spans[index].lowerBound])
            }
            guard let first = named.first else { return nil }
            var trimmed = run
            trimmed.words = first..<run.words.upperBound
            return trimmed
        }
        let paragraphs = Paragraphs(scalars)
        var items: [SpeechExtraction.Item] = []
        var names = SpeakerNames(people: EntityRecognizer().entities(in: scalars, span: TextSpan(start: 0, end: scalars.count)))
        var previous: (paragraph: Int, speaker: String?)?
        for content in contents {
            // A content of one word ("it", a name) is more often a mistake than speech: on held-aside
            // articles dropping them raised span F1 from 0.634 to 0.657.
            let wordCount = content.count { !TextWords.isPunctuation(scalars[spans[$0].lowerBound]) }
            guard wordCount >= 2 else { continue }
            let range = spans[content.lowerBound].lowerBound..<spans[content.upperBound - 1].upperBound
            let kind = Self.kind(scalars[range])
            let paragraph = paragraphs.index(of: range.lowerBound)
            let source = Self.nearestSource(to: content, sources: sources, spans: spans, scalars: scalars)
            let sourceRange = source.map { spans[$0.words.lowerBound].lowerBound..<spans[$0.words.upperBound - 1].upperBound }
            var speaker = sourceRange.map { Self.mention($0, scalars: scalars) }
            if let mention = speaker, let at = sourceRange?.lowerBound {
                if let resolved = names.resolve(mention, at: at) {
                    speaker = resolved
                } else if SpeakerNames.isName(mention) {
                    speaker = SpeakerNames.name(in: mention)
                    names.add(speaker ?? mention, at: at)
                }
            } else if carryOver, kind == .direct, let previous, previous.paragraph >= paragraph - 1 {
                // A quotation paragraph with no attribution of its own goes on with the speaker
                // of the quotation just before it.
                speaker = previous.speaker
            }
            items.append(SpeechExtraction.Item(start: range.lowerBound, end: range.upperBound, speaker: speaker, kind: kind))
            previous = (paragraph, speaker)
        }
        return items
    }

    /// Runs of words by role from one label a word.
    static func runs(labels: [String]) -> [Run] {
        var runs: [Run] = []
        for (index, label) in labels.enumerated() {
            guard label != "O" else { continue }
            let role: Run.Role = label.hasSuffix("CONTENT") ? .content : label.hasSuffix("SOURCE") ? .source : .cue
            let inside = label.hasPrefix("I-")
            if inside, var last = runs.last, last.role == role, last.words.upperBound == index {
                last.words = last.words.lowerBound..<(index + 1)
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(role: role, words: index..<(index + 1), continues: inside))
            }
        }
        return runs
    }

    /// Content runs as relations (word ranges): a run that continues the one before it in the same
    /// paragraph, with at most 15 words between, is joined to it.
    static func joined(_ contents: [Run], spans: [Range<Int>], scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for run in contents {
            if run.continues, let last = result.last, run.words.lowerBound - last.upperBound <= 15,
                !scalars[spans[last.upperBound - 1].upperBound..<spans[run.words.lowerBound].lowerBound].contains("\n")
            {
                result[result.count - 1] = last.lowerBound..<run.words.upperBound
            } else {
                result.append(run.words)
            }
        }
        return result
    }

    /// The source run nearest to a content in its paragraph (one inside it, between its pieces,
    /// counts as nearest); `nil` when the paragraph has none.
    static func nearestSource(to content: Range<Int>, sources: [Run], spans: [Range<Int>], scalars: [Unicode.Scalar]) -> Run? {
        var best: (distance: Int, run: Run)?
        for source in sources {
            let distance: Int
            let between: Range<Int>
            if source.words.upperBound <= content.lowerBound {
                distance = content.lowerBound - source.words.upperBound
                between = spans[source.words.upperBound - 1].upperBound..<spans[content.lowerBound].lowerBound
            } else if source.words.lowerBound >= content.upperBound {
                distance = source.words.lowerBound - content.upperBound
                between = spans[content.upperBound - 1].upperBound..<spans[source.words.lowerBound].lowerBound
            } else {
                distance = 0
                between = 0..<0
            }
            if scalars[between].contains("\n") { continue }
            if best == nil || distance < best!.distance { best = (distance, source) }
        }
        return best?.run
    }

    /// A source's words as a speaker name: trailing commas and spaces off.
    static func mention(_ range: Range<Int>, scalars: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:").union(.whitespacesAndNewlines))
    }

    /// Direct when the content opens and closes with quotation marks, partial when it holds some,
    /// indirect otherwise.
    static func kind(_ content: ArraySlice<Unicode.Scalar>) -> Quotation.Kind {
        let marks: Set<Unicode.Scalar> = ["\"", "“", "”", "„", "«", "»"]
        let trimmed = content.filter { !$0.properties.isWhitespace }
        guard let first = trimmed.first, let last = trimmed.last else { return .indirect }
        if marks.contains(first) && marks.contains(last) { return .direct }
        return trimmed.contains(where: { marks.contains($0) }) ? .partial : .indirect
    }
}

/// The paragraph of each offset of a text: paragraphs are separated by newlines.
struct Paragraphs {
    let breaks: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var breaks: [Int] = []
        for (index, scalar) in scalars.enumerated() where scalar == "\n" && (index == 0 || scalars[index - 1] != "\n") {
            breaks.append(index)
        }
        self.breaks = breaks
    }

    /// The number of paragraph breaks before `offset`.
    func index(of offset: Int) -> Int {
        var low = 0
        var high = breaks.count
        while low < high {
            let middle = (low + high) / 2
            if breaks[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
