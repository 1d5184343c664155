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

    /// Word-sense guards: an emotional word followed by one of these is another sense of it ("lies"
    /// followed by a preposition is the verb of place, not falsehoods) and is not counted.
    static let senseGuards: [String: Set<String>] = [
        "lies": ["in", "with", "ahead", "between", "at", "on", "beyond", "within", "behind", "outside", "inside", "near", "under", "above", "below"]
    ]

    /// Counts of each signal's words in `text`, with the words found.
    ///
    /// Reads UTF-8 bytes and looks words up by a hash of their lower-cased bytes, so a word becomes
    /// a `String` only when it is on a list (the lists are ASCII; a word with other letters is on none).
    public static func count(_ text: String) -> (hedges: [String], absolutes: [String], emotional: [String], exclamations: Int) {
        var found: (hedges: [String], absolutes: [String], emotional: [String]) = ([], [], [])
        var exclamations = 0
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var hash = fnvOffset
        var ascii = true
        // The last emotional word found, while the next word may show it was another sense.
        var guarded: Set<String>?
        func flush() {
            defer {
                word.removeAll(keepingCapacity: true)
                hash = fnvOffset
                ascii = true
            }
            guard !word.isEmpty else { return }
            if let following = guarded {
                guarded = nil
                if following.contains(String(decoding: word, as: UTF8.self)) { found.emotional.removeLast() }
            }
            guard ascii, let kinds = listed[hash] else { return }
            let text = String(decoding: word, as: UTF8.self)
            if kinds & 1 != 0, hedges.contains(text) { found.hedges.append(text) }
            if kinds & 2 != 0, absolutes.contains(text) { found.absolutes.append(text) }
            if kinds & 4 != 0, emotional.contains(text) {
                found.emotional.append(text)
                guarded = senseGuards[text]
            }
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"), UInt8(ascii: "%"):
                word.append(byte)
                hash = (hash ^ UInt64(byte)) &* fnvPrime
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte + 32)
                hash = (hash ^ UInt64(byte + 32)) &* fnvPrime
            case 0x80...:
                // Part of a non-ASCII letter (or mark): the word continues but is on no list.
                word.append(byte)
                ascii = false
            default:
                if byte == UInt8(ascii: "!") { exclamations += 1 }
                flush()
                // Punctuation ends the phrase: the next word cannot change the sense.
                if byte != UInt8(ascii: " ") { guarded = nil }
            }
        }
        flush()
        return (found.hedges, found.absolutes, found.emotional, exclamations)
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// Each listed word's byte hash, with a bit per list it is on.
    static let listed: [UInt64: UInt8] = {
        var map: [UInt64: UInt8] = [:]
        for (bit, list) in [(UInt8(1), hedges), (2, absolutes), (4, emotional)] {
            for word in list {
                var hash = fnvOffset
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
                map[hash, default: 0] |= bit
            }
        }
        return map
    }()

    /// How clickbait-like a headline is (0...1), with the reasons.
    public static func clickbait(_ headline: String) -> (score: Double, reasons: [String]) {
        let lower = headline.lowercased()
        var reasons: [String] = []
        let words = headline.split(separator: " ")
        if let first = words.first, Int(first) != nil { reasons.append("opens with a number (a list)") }
        for phrase in [
            "you won't believe", "you will never", "what happened next", "this is why", "here's why", "here is why",
            "the reason why", "will blow your mind", "will shock you", "you need to", "everyone is talking", "what they don't want",
            "the truth about", "before it's too late", "goes viral", "broke the internet", "the real reason", "you should",
        ]
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
