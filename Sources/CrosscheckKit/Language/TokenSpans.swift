/// Word-level spans for the techniques that live in a few words (Loaded Language, Name Calling):
/// each word of a flagged sentence is scored from itself and its neighbours, and runs of words
/// above the head's threshold become spans.
public enum TokenSpans {
    /// The techniques tagged word by word.
    public static let techniques = ["Loaded_Language", "Name_Calling,Labeling"]

    /// The words of a span of `scalars`, with their spans.
    public static func words(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [Token] {
        Tokenizer().tokens(in: scalars, range: span).filter { $0.kind == .word }
    }

    /// The features of word `index` among `words`.
    public static func vector(_ words: [Token], _ index: Int, featurizer: TextFeaturizer) -> SparseVector {
        let word = words[index].text
        let lower = word.lowercased()
        var cues = [
            "w:" + lower, "prev:" + (index > 0 ? words[index - 1].text.lowercased() : "<s>"),
            "next:" + (index + 1 < words.count ? words[index + 1].text.lowercased() : "</s>"),
            "bigram:" + (index > 0 ? words[index - 1].text.lowercased() : "<s>") + "_" + lower,
        ]
        if let first = word.unicodeScalars.first, first.isUpper { cues.append("shape:capitalised") }
        if word.count > 2, word == word.uppercased() { cues.append("shape:upper") }
        if LanguageSignals.emotional.contains(lower) { cues.append("lexicon:emotional") }
        if LanguageSignals.absolutes.contains(lower) { cues.append("lexicon:absolute") }
        if Stopwords.english.contains(lower) { cues.append("stopword") }
        cues.append("position:" + (index == 0 ? "first" : index + 1 == words.count ? "last" : "middle"))
        return featurizer.vector(word, cues: cues)
    }

    /// Spans of runs of words whose probability clears each head's threshold.
    public static func spans(
        _ model: MultiHeadClassifier, heads wanted: [Int]? = nil, scalars: [Unicode.Scalar], unit: TextSpan, sentenceScore: Double
    ) -> [LanguageSection.Technique] {
        let words = words(scalars, in: unit)
        guard !words.isEmpty else { return [] }
        let vectors = words.indices.map { vector(words, $0, featurizer: model.featurizer) }
        var result: [LanguageSection.Technique] = []
        for (headIndex, head) in model.heads.enumerated() where wanted?.contains(headIndex) ?? true {
            var runStart: Int?
            var runBest = 0.0
            func close(_ end: Int) {
                guard let start = runStart else { return }
                // A run of capitalised words inside a sentence is a name, not loaded wording.
                if start > 0, words[start...end].allSatisfy({ $0.text.unicodeScalars.first?.properties.isUppercase == true }) {
                    runStart = nil
                    runBest = 0
                    return
                }
                let span = TextSpan(start: words[start].span.start, end: words[end].span.end)
                result.append(
                    LanguageSection.Technique(
                        technique: head.name, start: span.start, end: span.end, text: scalars.text(span),
                        score: (runBest * sentenceScore).squareRoot().rounded(toPlaces: 4)))
                runStart = nil
                runBest = 0
            }
            for index in words.indices {
                let p = Double(head.model.probability(vectors[index]))
                if p >= head.threshold {
                    if runStart == nil { runStart = index }
                    runBest = max(runBest, p)
                } else if runStart != nil {
                    close(index - 1)
                }
            }
            if runStart != nil { close(words.count - 1) }
        }
        return result
    }
}
