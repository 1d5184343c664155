/// Style cues of machine-written short text.
enum StyleCues {
    static func cues(_ text: String) -> [String] {
        var cues: [String] = []
        let words = text.split(separator: " ")
        cues.append("style:len:" + (words.count < 6 ? "xs" : words.count < 12 ? "s" : words.count < 20 ? "m" : words.count < 35 ? "l" : "xl"))
        if text.contains("https://t.co") { cues.append("style:link") }
        if text.hasSuffix("...") || text.hasSuffix("…") { cues.append("style:trailing-ellipsis") }
        if let last = text.last, ".!?".contains(last) { cues.append("style:ends-sentence") } else { cues.append("style:ends-open") }
        let letters = text.unicodeScalars.filter { $0.isLetter }
        if !letters.isEmpty {
            let upper = letters.filter { $0.isUpper }.count
            cues.append("style:upper:" + String(min(upper * 10 / letters.count, 5)))
        }
        let unique = Set(words.map { $0.lowercased() }).count
        if words.count >= 8 { cues.append("style:repetition:" + String(min((words.count - unique) * 10 / words.count, 4))) }
        if text.contains("@") { cues.append("style:mention") }
        if text.contains("#") { cues.append("style:hashtag") }
        if text.unicodeScalars.contains(where: { $0.value >= 0x1F300 }) { cues.append("style:emoji") }
        return cues
    }
}
