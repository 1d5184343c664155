/// Cues of spam and self-promotion in a comment.
enum SpamCues {
    /// Phrases of promotion, each a cue of its own.
    static let phrases = [
        "check out", "check my", "my channel", "subscribe", "sub to", "visit", "click", "follow me", "like this comment",
        "please like", "give it a like", "my video", "my music", "my page", "free", "earn", "money", "$", "win", "promo", "code",
        "whatsapp", "dm me", "contact", "@gmail", "telegram", "offer", "discount", "cheap", "buy", "sign up", "join",
    ]

    static func cues(_ text: String) -> [String] {
        let lower = text.lowercased()
        var cues: [String] = []
        if lower.contains("http") || lower.contains("www.") || lower.contains(".com") || lower.contains(".ly/") { cues.append("spam:link") }
        for phrase in phrases where lower.contains(phrase) {
            cues.append("spam:" + phrase)
        }
        let letters = text.unicodeScalars.filter { $0.isLetter }
        let upper = letters.filter { $0.isUpper }.count
        if letters.count >= 10, upper * 2 > letters.count { cues.append("spam:shouting") }
        if text.contains("!!!") || text.contains("???") { cues.append("spam:repeated-punctuation") }
        var run = 1
        var previous: Character?
        for character in lower {
            run = character == previous ? run + 1 : 1
            previous = character
            if run >= 4, character.isLetter { cues.append("spam:repeated-letters"); break }
        }
        if lower.contains(where: { $0.isNumber }), lower.filter(\.isNumber).count >= 7 { cues.append("spam:long-number") }
        let words = text.roughWordCount
        cues.append("spam:len:" + (words < 4 ? "xs" : words < 10 ? "s" : words < 25 ? "m" : "l"))
        return cues
    }
}
