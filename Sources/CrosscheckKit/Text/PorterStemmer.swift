/// The Porter (1980) suffix-stripping stemmer for English, on lower-case ASCII words.
///
/// Words with other characters are returned unchanged. Used for retrieval terms, so that
/// "closures", "closed" and "closing" meet "close".
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Array(word.utf8)
        step1a(&w); step1b(&w); step1c(&w); step2(&w); step3(&w); step4(&w); step5(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return false  // a e i o u
        case 0x79: return i == 0 ? true : !isConsonant(w, i - 1)  // y
        default: return true
        }
    }

    /// The measure m of w[0..<end]: the number of vowel-consonant sequences.
    private static func measure(_ w: [UInt8], _ end: Int) -> Int {
        var n = 0
        var i = 0
        while i < end, isConsonant(w, i) { i += 1 }
        while i < end {
            while i < end, !isConsonant(w, i) { i += 1 }
            guard i < end else { break }
            n += 1
            while i < end, isConsonant(w, i) { i += 1 }
        }
        return n
    }

    private static func hasVowel(_ w: [UInt8], _ end: Int) -> Bool {
        (0..<end).contains { !isConsonant(w, $0) }
    }

    private static func endsDoubleConsonant(_ w: [UInt8], _ end: Int) -> Bool {
        end >= 2 && w[end - 1] == w[end - 2] && isConsonant(w, end - 1)
    }

    /// consonant-vowel-consonant, the last not w, x or y.
    private static func cvc(_ w: [UInt8], _ end: Int) -> Bool {
        guard end >= 3, isConsonant(w, end - 1), !isConsonant(w, end - 2), isConsonant(w, end - 3) else { return false }
        return ![0x77, 0x78, 0x79].contains(w[end - 1])
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = suffix.utf8
        guard w.count >= s.count else { return false }
        var index = w.count - s.count
        for byte in s {
            if w[index] != byte { return false }
            index += 1
        }
        return true
    }

    private static func replace(_ w: inout [UInt8], _ suffix: String, _ replacement: String, minMeasure: Int) -> Bool {
        guard ends(w, suffix) else { return false }
        let stemEnd = w.count - suffix.utf8.count
        if measure(w, stemEnd) > minMeasure {
            w.removeLast(suffix.utf8.count)
            w.append(contentsOf: Array(replacement.utf8))
        }
        return true
    }

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ies") {
            w.removeLast(2)
        } else if ends(w, "ss") {
        } else if ends(w, "s") {
            w.removeLast()
        }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var removed = false
        if ends(w, "ed"), hasVowel(w, w.count - 2) {
            w.removeLast(2)
            removed = true
        } else if ends(w, "ing"), hasVowel(w, w.count - 3) {
            w.removeLast(3)
            removed = true
        }
        guard removed else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append(0x65)
        } else if endsDoubleConsonant(w, w.count), ![0x6C, 0x73, 0x7A].contains(w[w.count - 1]) {
            w.removeLast()
        } else if measure(w, w.count) == 1, cvc(w, w.count) {
            w.append(0x65)
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if ends(w, "y"), hasVowel(w, w.count - 1) { w[w.count - 1] = 0x69 }
    }

    private static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ]

    private static func step2(_ w: inout [UInt8]) {
        for (suffix, replacement) in step2Rules where replace(&w, suffix, replacement, minMeasure: 0) { return }
    }

    private static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    private static func step3(_ w: inout [UInt8]) {
        for (suffix, replacement) in step3Rules where replace(&w, suffix, replacement, minMeasure: 0) { return }
    }

    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ]

    private static let step4Sorted = step4Suffixes.sorted { $0.count > $1.count }

    private static func step4(_ w: inout [UInt8]) {
        for suffix in step4Sorted where ends(w, suffix) {
            let stemEnd = w.count - suffix.utf8.count
            if suffix == "ion" {
                guard stemEnd > 0, w[stemEnd - 1] == 0x73 || w[stemEnd - 1] == 0x74 else { return }
            }
            if measure(w, stemEnd) > 1 { w.removeLast(suffix.utf8.count) }
            return
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if ends(w, "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !cvc(w, w.count - 1)) { w.removeLast() }
        }
        if measure(w, w.count) > 1, endsDoubleConsonant(w, w.count), w[w.count - 1] == 0x6C { w.removeLast() }
    }
}
