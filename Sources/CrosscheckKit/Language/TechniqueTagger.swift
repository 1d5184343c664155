public import Foundation

/// Persuasion techniques marked word by word by a trained tagger: every word of the article gets
/// `O` or the beginning or inside of one technique's span (Propaganda Techniques Corpus labels), and
/// each run of one technique becomes a span scored by the mean probability of its words' labels.
///
/// Trained on the propaganda articles' technique spans (`scripts/train-techniques/train.py`).
public struct TechniqueTagger: Sendable {
    public let tagger: WordTagger
    /// Each label's technique and whether it begins a span (`nil` for `O`).
    let parts: [(technique: String, begins: Bool)?]

    /// Wraps a word tagger whose labels are `O` and `B-`/`I-` of technique names.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when its labels are not of that form.
    public init(tagger: WordTagger) throws {
        var parts: [(technique: String, begins: Bool)?] = []
        for label in tagger.labels {
            if label == "O" {
                parts.append(nil)
            } else if label.hasPrefix("B-") || label.hasPrefix("I-") {
                parts.append((String(label.dropFirst(2)), label.hasPrefix("B-")))
            } else {
                throw CrosscheckError(.modelMissing, "the technique tagger has a label \(label) that is neither O nor B-/I-; retrain it")
            }
        }
        guard parts.contains(where: { $0 == nil }) else {
            throw CrosscheckError(.modelMissing, "the technique tagger has no O label; retrain it")
        }
        self.tagger = tagger
        self.parts = parts
    }

    public var identity: ModelIdentity { tagger.identity }

    /// Per technique, the score its spans need to be drawn in the text: measured for this tagger on
    /// held-out articles and kept in its manifest (none: no span is drawn).
    public var displayThresholds: [String: Double] { tagger.displayThresholds ?? [:] }

    /// The technique tagger shipped with the engine, on `encoder`, from `models` (by default
    /// ``ModelDirectory/standard(environment:)``); `nil` when its files were removed.
    public static func bundled(encoder: SentenceEncoder, from models: ModelDirectory? = nil) throws -> TechniqueTagger? {
        let models = try models ?? .standard()
        guard models.hasTransformer("techniques-tagger"), let url = models.file("techniques-tagger") else { return nil }
        return try TechniqueTagger(tagger: WordTagger(directory: url, encoder: encoder))
    }

    /// The technique spans of `text`, in text order: runs of words labelled with one technique (a
    /// `B-` opens a new span), each scored by the mean probability of its words' labels.
    public func spans(in text: String) -> [LanguageSection.Technique] {
        let scalars = Array(text.unicodeScalars)
        let words = tagger.tag(scalars)
        var result: [LanguageSection.Technique] = []
        var open: (technique: String, start: Int, end: Int, total: Double, count: Int)?
        func close() {
            guard let run = open else { return }
            let span = TextSpan(start: run.start, end: run.end)
            result.append(
                LanguageSection.Technique(
                    technique: run.technique, start: run.start, end: run.end, text: scalars.text(span),
                    score: (run.total / Double(run.count)).rounded(toPlaces: 4)))
            open = nil
        }
        var lastEnd = 0
        for word in words {
            guard let best = word.probabilities.indices.max(by: { word.probabilities[$0] < word.probabilities[$1] }) else { continue }
            let paragraphBreak = scalars[lastEnd..<word.range.lowerBound].contains("\n")
            lastEnd = word.range.upperBound
            guard let part = parts[best] else {
                close()
                continue
            }
            if let run = open, run.technique == part.technique, !part.begins, !paragraphBreak {
                open = (run.technique, run.start, word.range.upperBound, run.total + word.probabilities[best], run.count + 1)
            } else {
                close()
                open = (part.technique, word.range.lowerBound, word.range.upperBound, word.probabilities[best], 1)
            }
        }
        close()
        return result
    }
}
