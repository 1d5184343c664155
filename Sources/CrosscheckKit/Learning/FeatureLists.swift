/// The hand-written word lists each model's features are computed from.
///
/// A model file records their digest when it is trained (`lists` in its header). Editing a list
/// changes the features a model sees without changing its weights, so a test compares each
/// shipped model's recorded digest with the lists as they are now: retrain, or undo the edit.
public enum FeatureLists {
    /// The named lists that feed the features of a model of `kind`, in a fixed order.
    static func lists(for kind: String) -> [(name: String, words: [String])] {
        let featurizer = FeatureTokens.lexicon.map { (name: "featurizer." + $0.0, words: $0.1.sorted()) }
        let stopwords = [(name: "stopwords", words: Stopwords.english.sorted())]
        switch kind {
        case "checkworthiness":
            return featurizer + [
                ("claims.comparison", ClaimTypeClassifier.comparisonWords.sorted() + ClaimTypeClassifier.comparisonPhrases),
                ("claims.causal", ClaimTypeClassifier.causalWords.sorted() + ClaimTypeClassifier.causalPhrases),
                ("claims.prediction", ClaimTypeClassifier.predictionWords.sorted() + ClaimTypeClassifier.predictionPhrases),
                ("claims.legal", ClaimTypeClassifier.legalWords.sorted()),
            ]
        case "spam": return featurizer + [("spam.phrases", SpamCues.phrases)]
        case "machine", "techniques", "truthfulness": return featurizer
        case "tokens":
            return featurizer + stopwords + [
                ("language.emotional", LanguageSignals.emotional.sorted()), ("language.absolutes", LanguageSignals.absolutes.sorted()),
            ]
        case "stance":
            return featurizer + stopwords + [
                ("polarity.negations", PolarityLexicon.negations.sorted()),
                ("polarity.opposites", PolarityLexicon.opposites.map { $0.0 + "/" + $0.1 }),
            ]
        case "match", "relevance": return stopwords
        default: return []
        }
    }

    /// The first 12 hexadecimal digits of the SHA-256 of the lists of `kind`, or `nil` when its
    /// features read no hand-written list.
    public static func digest(for kind: String) -> String? {
        let lists = lists(for: kind)
        guard !lists.isEmpty else { return nil }
        let text = lists.map { $0.name + "\n" + $0.words.joined(separator: "\n") }.joined(separator: "\n\n")
        return String(Digests.sha256Hex(Array(text.utf8)).prefix(12))
    }
}
