public import Foundation

/// The language stage: persuasion techniques at span level, hedging, absolutes, emotion,
/// clickbait, and an article style score with the reasons that drove it.
///
/// Text is cut into units (lines, then sentences). A trained classifier decides whether a unit
/// uses a persuasion technique and which ones; each flagged unit becomes a span with its
/// technique, score and a one-line reason.
public struct LanguageAnalyzer: Sendable {
    public var techniques: MultiHeadClassifier?
    public var truthfulness: MultiHeadClassifier?
    /// Word-level heads for the techniques that live in a few words; without them those
    /// techniques are marked on whole sentences.
    public var tokens: MultiHeadClassifier?
    /// The tagger fine-tuned from the sentence encoder that marks every technique word by word;
    /// when present it gives all the technique spans in place of the classifiers above.
    public var tagger: TechniqueTagger?
    /// The classifier fine-tuned from the sentence encoder that decides which units use some
    /// technique, in place of the `any` head of words; without it that head decides.
    public var gate: TechniqueGate?
    /// At most this many techniques are marked in one unit, the likeliest first.
    public var techniquesPerUnit = 3
    /// Whether a unit that uses some technique but clears no technique's own threshold is marked
    /// with the likeliest technique anyway.
    public var markLikeliestWhenNoneClears = true
    /// Whether a unit the gate passes, whose chosen techniques live in words that no word head
    /// marks, gets its likeliest technique on the whole sentence. Only with the gate: after the
    /// `any` head of words it lowered span F1; after the gate it raised line-level F1 by about a
    /// point on two splits at the same span F1.
    public var markSentenceWhenNoWordIs = true
    /// Techniques never marked (their marks are too rarely right to help); by default those the
    /// techniques model lists under `unmarked` (separated by `|`).
    public var unmarked: Set<String>

    public init(
        techniques: MultiHeadClassifier?, truthfulness: MultiHeadClassifier?, tokens: MultiHeadClassifier? = nil, tagger: TechniqueTagger? = nil,
        gate: TechniqueGate? = nil
    ) {
        self.techniques = techniques
        self.truthfulness = truthfulness
        self.tokens = tokens
        self.tagger = tagger
        self.gate = gate
        self.unmarked = Self.unmarked(in: techniques)
    }

    /// The techniques a model's `unmarked` entry lists.
    public static func unmarked(in model: MultiHeadClassifier?) -> Set<String> {
        Set((model?.info["unmarked"] ?? "").split(separator: "|").map(String.init))
    }

    /// Per technique, the score a span needs to be drawn in the text: the tagger's own when it
    /// marks the spans, the gate's when it chooses the sentences, else ``TechniqueDisplay/thresholds``.
    public var displayThresholds: [String: Double] { tagger?.displayThresholds ?? gate?.displayThresholds ?? TechniqueDisplay.thresholds }

    /// Units of `text`: each line, and each sentence of a long line, as scalar spans.
    public static func units(_ text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var result: [TextSpan] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            if index > start {
                let line = TextSpan(start: start, end: index)
                let sentences = SentenceSegmenter().sentences(in: Array(scalars[line.start..<line.end]))
                    .map { TextSpan(start: $0.start + line.start, end: $0.end + line.start) }
                result += sentences.isEmpty ? [] : sentences
            }
            start = index + 1
        }
        return result
    }

    /// Technique spans with scores.
    public func techniqueSpans(_ text: String) -> [LanguageSection.Technique] {
        techniqueSpans(text, units: Self.units(text))
    }

    func techniqueSpans(_ text: String, units: [TextSpan]) -> [LanguageSection.Technique] {
        if let tagger { return tagger.spans(in: text) }
        guard let techniques, let any = techniques.head("any") else { return [] }
        let scalars = Array(text.unicodeScalars)
        let read = units.map { (span: $0, text: scalars.text($0)) }.filter { $0.text.roughWordCount >= 3 }
        let gated = gate?.probabilities(read.map(\.text))
        let threshold = gate?.threshold ?? techniques.heads[any].threshold
        var result: [LanguageSection.Technique] = []
        for (position, (unit, unitText)) in read.enumerated() {
            let scores = techniques.scores(unitText)
            let p = gated?[position] ?? scores[any]
            guard p >= threshold else { continue }
            var chosen: [(Int, Double)] = []
            let candidates = techniques.heads.indices.filter { $0 != any && !unmarked.contains(techniques.heads[$0].name) }
            for index in candidates where scores[index] >= techniques.heads[index].threshold {
                chosen.append((index, scores[index]))
            }
            if chosen.isEmpty, markLikeliestWhenNoneClears, let best = candidates.max(by: { scores[$0] < scores[$1] }) {
                chosen = [(best, scores[best])]
            }
            // The technique marked on the whole unit.
            func whole(_ index: Int, _ score: Double) -> LanguageSection.Technique {
                LanguageSection.Technique(
                    technique: techniques.heads[index].name, start: unit.start, end: unit.end, text: unitText,
                    score: (p * score).squareRoot().rounded(toPlaces: 4))
            }
            let before = result.count
            let ranked = chosen.sorted(by: { $0.1 > $1.1 }).prefix(techniquesPerUnit)
            for (index, score) in ranked {
                let name = techniques.heads[index].name
                if let tokens, TokenSpans.techniques.contains(name) {
                    if let head = tokens.head(name) {
                        result += TokenSpans.spans(tokens, heads: [head], scalars: scalars, unit: unit, sentenceScore: p)
                    }
                    continue
                }
                result.append(whole(index, score))
            }
            if gated != nil, markSentenceWhenNoWordIs, result.count == before, let (index, score) = ranked.first {
                result.append(whole(index, score))
            }
        }
        return result
    }

    /// A truthfulness estimate from language alone, on the PolitiFact scale: the most likely rating
    /// and the probability that the statement leans false (pants-fire, false or barely-true).
    public func truthfulnessEstimate(_ statement: String, subject: String? = nil, context: String? = nil) -> (label: String, score: Double)? {
        guard let truthfulness else { return nil }
        var cues: [String] = []
        if let subject { cues += subject.split(separator: ",").map { "subject:" + $0.lowercased() } }
        if let context { cues += RetrievalTerms.terms(context).prefix(6).map { "context:" + $0 } }
        let scores = truthfulness.scores(statement, cues: cues)
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else { return nil }
        let total = scores.reduce(0, +)
        let falseLeaning = truthfulness.heads.indices.filter { ["pants-fire", "false", "barely-true"].contains(truthfulness.heads[$0].name) }
            .reduce(0.0) { $0 + scores[$1] }
        return (truthfulness.heads[best].name, total > 0 ? (falseLeaning / total).rounded(toPlaces: 4) : 0.5)
    }

    /// The article's language section: technique spans, signals and the style score with reasons.
    public func analyze(text: String, title: String?, claims: ClaimsSummary?) -> LanguageSection {
        let allUnits = Self.units(text)
        let spans = techniqueSpans(text, units: allUnits)
        let units = allUnits.count
        let flaggedUnits = Set(spans.map(\.start)).count
        let signals = LanguageSignals.count(text)
        let words = max(text.roughWordCount, 1)
        var reasons: [String] = []
        // Reasons name only the marks a reader sees in the text; the rest are in the JSON report.
        let shown = spans.filter { TechniqueDisplay.isShown($0, thresholds: displayThresholds) }
        var byTechnique: [String: [LanguageSection.Technique]] = [:]
        for span in shown { byTechnique[span.technique, default: []].append(span) }
        for (technique, found) in byTechnique.sorted(by: { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) })
        {
            let example = found.max { $0.score < $1.score }.map { String($0.text.prefix(80)) } ?? ""
            reasons.append("\(technique.replacingOccurrences(of: "_", with: " ")): \(found.count)× (e.g. “\(example)”)")
        }
        if spans.count > shown.count {
            reasons.append("\(spans.count - shown.count) low-confidence technique spans not marked (in the JSON report)")
        }
        let techniqueShare = units == 0 ? 0 : Double(flaggedUnits) / Double(units)
        let emotionRate = Double(signals.emotional.count + signals.exclamations) * 100 / Double(words)
        let absoluteRate = Double(signals.absolutes.count) * 100 / Double(words)
        let hedgeRate = Double(signals.hedges.count) * 100 / Double(words)
        if !signals.emotional.isEmpty {
            reasons.append(
                "emotional words: \(signals.emotional.count) (\(Array(Set(signals.emotional)).sorted().prefix(4).joined(separator: ", ")))")
        }
        if !signals.absolutes.isEmpty { reasons.append("absolutes: \(signals.absolutes.count)") }
        if !signals.hedges.isEmpty { reasons.append("hedging and vague words: \(signals.hedges.count)") }
        var clickbait = 0.0
        if let title {
            let verdict = LanguageSignals.clickbait(title)
            clickbait = verdict.score
            if verdict.score > 0 { reasons.append("headline: " + verdict.reasons.joined(separator: "; ")) }
        }
        var weakSourcing = 0.0
        if let claims, claims.checkworthy > 0 {
            weakSourcing = Double(claims.anonymous.count + claims.unattributed.count) / Double(claims.checkworthy)
            if weakSourcing > 0 {
                reasons.append(
                    "\(claims.anonymous.count + claims.unattributed.count) of \(claims.checkworthy) check-worthy claims have anonymous or no sources")
            }
        }
        let score = min(
            1,
            0.55 * techniqueShare + 0.12 * min(emotionRate, 3) / 3 + 0.08 * min(absoluteRate, 3) / 3
                + 0.05 * min(hedgeRate, 3) / 3 + 0.1 * clickbait + 0.1 * weakSourcing)
        return LanguageSection(score: score.rounded(toPlaces: 4), techniques: spans, reasons: reasons)
    }
}
