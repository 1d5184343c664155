/// Word-list signals of how a text is written: hedging, absolutes, emotional intensity, clickbait.
public enum LanguageSignals {
    static let hedges: Set<String> = [
        "may", "might", "could", "possibly", "perhaps", "reportedly", "allegedly", "apparently", "seemingly", "likely",
        "unlikely", "suggests", "suggest", "appears", "appear", "seems", "seem", "probably", "arguably", "somewhat",
        "rumored", "rumoured", "unclear", "unconfirmed", "purportedly", "supposedly",
    ]
    static let absolutes: Set<String> = [
        "always", "never", "all", "every", "everyone", "everything", "nothing", "nobody", "none", "completely",
        "totally", "absolutely", "entirely", "undeniably", "unquestionably", "certainly", "definitely", "forever",
        "only", "must", "guaranteed", "100%",
    ]
    static let emotional: Set<String> = [
        "outrageous", "shocking", "disgusting", "horrific", "terrifying", "devastating", "catastrophic", "disaster",
        "evil", "corrupt", "traitor", "traitors", "treason", "crisis", "chaos", "destroy", "destroyed", "destroying",
        "attack", "attacks", "war", "betrayal", "betrayed", "hate", "hatred", "furious", "outrage", "scandal",
        "scandalous", "insane", "crazy", "ridiculous", "pathetic", "disgrace", "disgraceful", "shameful", "brutal",
        "savage", "vicious", "radical", "extremist", "extremists", "thugs", "lies", "liar", "liars", "fake", "hoax",
        "incredible", "amazing", "unbelievable", "stunning", "horrible", "terrible", "nightmare", "slaughter",
        "massacre", "invasion", "threat", "threatens", "dangerous", "deadly", "fear", "panic", "tyranny", "tyrant",
        "idiot", "idiots", "stupid", "moron", "criminal", "criminals", "sick", "twisted",
    ]

    /// Counts of each signal's words in `text`, with the words found.
    public static func count(_ text: String) -> (hedges: [String], absolutes: [String], emotional: [String], exclamations: Int) {
        let words = text.lowercased().unicodeScalars.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "%" })
            .map { String(String.UnicodeScalarView($0)) }
        return (
            words.filter { hedges.contains($0) }, words.filter { absolutes.contains($0) }, words.filter { emotional.contains($0) },
            text.count { $0 == "!" }
        )
    }

    /// How clickbait-like a headline is (0...1), with the reasons.
    public static func clickbait(_ headline: String) -> (score: Double, reasons: [String]) {
        let lower = headline.lowercased()
        var reasons: [String] = []
        let words = headline.split(separator: " ")
        if let first = words.first, Int(first) != nil { reasons.append("opens with a number (a list)") }
        for phrase in ["you won't believe", "you will never", "what happened next", "this is why", "here's why", "here is why",
            "the reason why", "will blow your mind", "will shock you", "you need to", "everyone is talking", "what they don't want",
            "the truth about", "before it's too late", "goes viral", "broke the internet", "the real reason", "you should"]
        where lower.contains(phrase) {
            reasons.append("teaser phrase “\(phrase)”")
        }
        if headline.hasSuffix("?") { reasons.append("asks a question instead of stating news") }
        if headline.contains("!") { reasons.append("exclamation mark") }
        let shouting = words.filter { $0.count >= 3 && $0.allSatisfy { $0.isUppercase || !$0.isLetter } && $0.contains { $0.isLetter } }
        if !shouting.isEmpty { reasons.append("capitals: \(shouting.prefix(2).joined(separator: " "))") }
        if lower.split(separator: " ").contains(where: { ["you", "your"].contains($0) }) { reasons.append("speaks to the reader") }
        let emotion = count(headline).emotional
        if !emotion.isEmpty { reasons.append("emotional words: \(emotion.prefix(2).joined(separator: ", "))") }
        return (min(Double(reasons.count) * 0.3, 1), reasons)
    }
}
