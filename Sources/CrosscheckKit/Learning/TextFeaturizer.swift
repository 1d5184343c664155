public import Foundation

/// Turns a short text into a hashed sparse vector of word n-grams, character n-grams and
/// hand-made cues, each group scaled to unit length.
///
/// Words are lower-cased; URLs, user handles, numbers, years, percentages and money are also
/// written as shape tokens (`<url>`, `<user>`, `<num>`, `<year>`, `<pct>`, `<money>`), so a model
/// learns "a percentage" as well as "40".
public struct TextFeaturizer: Sendable, Hashable, Codable {
    /// Feature slots (a power of two). The default is 2^20.
    public var dimensions: Int
    /// Longest word n-gram. The default is 2.
    public var wordNgrams: Int
    /// Shortest and longest character n-gram inside words; 0 turns them off. The defaults are 3 and 5.
    public var charMin: Int
    public var charMax: Int
    /// Relative weights of the word, character and cue groups.
    public var wordWeight: Float
    public var charWeight: Float
    public var cueWeight: Float
    /// Character n-grams over the raw text (case, spaces and punctuation kept) instead of inside
    /// lower-cased words: style more than vocabulary. The default is `false`.
    public var rawCharacters: Bool = false
    /// With ``rawCharacters``, also keep the character n-grams inside words (both views). The
    /// default is `false`.
    public var bothCharacterViews: Bool = false

    public init(
        dimensions: Int = 1 << 20, wordNgrams: Int = 2, charMin: Int = 3, charMax: Int = 5, wordWeight: Float = 1,
        charWeight: Float = 1, cueWeight: Float = 0.5
    ) {
        self.dimensions = dimensions
        self.wordNgrams = wordNgrams
        self.charMin = charMin
        self.charMax = charMax
        self.wordWeight = wordWeight
        self.charWeight = charWeight
        self.cueWeight = cueWeight
    }

    enum CodingKeys: String, CodingKey {
        case dimensions, wordNgrams, charMin, charMax, wordWeight, charWeight, cueWeight, rawCharacters, bothCharacterViews
    }

    /// The featurizer as a model-file header value (sorted-key JSON, so files are reproducible).
    public var headerValue: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a featurizer from a model-file header value.
    public init?(headerValue: String?) {
        guard let headerValue, let value = try? JSONDecoder().decode(TextFeaturizer.self, from: Data(headerValue.utf8)) else { return nil }
        self = value
    }

    /// Reads a featurizer; fields added after a model was made take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dimensions = try container.decode(Int.self, forKey: .dimensions)
        wordNgrams = try container.decode(Int.self, forKey: .wordNgrams)
        charMin = try container.decode(Int.self, forKey: .charMin)
        charMax = try container.decode(Int.self, forKey: .charMax)
        wordWeight = try container.decodeIfPresent(Float.self, forKey: .wordWeight) ?? 1
        charWeight = try container.decodeIfPresent(Float.self, forKey: .charWeight) ?? 1
        cueWeight = try container.decodeIfPresent(Float.self, forKey: .cueWeight) ?? 0.5
        rawCharacters = try container.decodeIfPresent(Bool.self, forKey: .rawCharacters) ?? false
        bothCharacterViews = try container.decodeIfPresent(Bool.self, forKey: .bothCharacterViews) ?? false
    }

    /// The feature vector of `text`, with extra named cues (for example from claim-type rules).
    public func vector(_ text: String, cues extraCues: [String] = []) -> SparseVector {
        let tokens = FeatureTokens(text)
        var vector = SparseVector()
        vector.indices.reserveCapacity(tokens.words.count * 16)
        vector.values.reserveCapacity(tokens.words.count * 16)

        // Word n-grams.
        var start = 0
        let hashes = tokens.words.map { FeatureHash.hash($0) }
        for (position, hash) in hashes.enumerated() {
            add(&vector, hash, salt: 1)
            if wordNgrams >= 2 {
                let previous = position > 0 ? hashes[position - 1] : 0x5151
                add(&vector, previous &* 0x9E37_79B9_7F4A_7C15 ^ hash, salt: 2)
            }
            if wordNgrams >= 3, position > 1 {
                add(&vector, (hashes[position - 2] &* 31 ^ hashes[position - 1]) &* 0x9E37_79B9_7F4A_7C15 ^ hash, salt: 3)
            }
        }
        if wordNgrams >= 2, let last = hashes.last { add(&vector, last &* 0x9E37_79B9_7F4A_7C15 ^ 0x7373, salt: 2) }
        vector.normalize(entries: start..<vector.count)
        scale(&vector, from: start, by: wordWeight)

        // Character n-grams inside "<word>", or over the raw text.
        start = vector.count
        if charMin > 0, rawCharacters {
            // Links are noise for style: keep that there was one, not its characters.
            let cleaned = text.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("http") ? "<url>" : $0 }.joined(separator: " ")
            let bytes = [UInt8(ascii: " ")] + Array(cleaned.utf8) + [UInt8(ascii: " ")]
            addCharacterGrams(bytes, seed: 0x5A5A, salt: 6, to: &vector)
            vector.normalize(entries: start..<vector.count)
            scale(&vector, from: start, by: charWeight)
        }
        if charMin > 0, !rawCharacters || bothCharacterViews {
            start = vector.count
            // One buffer for every word: "<word>".
            var bytes: [UInt8] = []
            bytes.reserveCapacity(64)
            for word in tokens.words where !word.hasPrefix("<") {
                bytes.removeAll(keepingCapacity: true)
                bytes.append(UInt8(ascii: "<"))
                bytes.append(contentsOf: word.utf8)
                bytes.append(UInt8(ascii: ">"))
                addCharacterGrams(bytes, seed: 0, salt: 4, to: &vector)
            }
            vector.normalize(entries: start..<vector.count)
            scale(&vector, from: start, by: charWeight)
        }

        // Cues.
        start = vector.count
        for cue in tokens.cues + extraCues { add(&vector, FeatureHash.hash(cue), salt: 5) }
        vector.normalize(entries: start..<vector.count)
        scale(&vector, from: start, by: cueWeight)
        return vector
    }

    /// Adds every n-gram of `bytes` for n in charMin...charMax.
    private func addCharacterGrams(_ bytes: [UInt8], seed: UInt64, salt: UInt64, to vector: inout SparseVector) {
        for n in charMin...charMax where n <= bytes.count {
            for offset in 0...(bytes.count - n) {
                var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n) ^ seed
                for index in offset..<(offset + n) {
                    value ^= UInt64(bytes[index])
                    value = value &* 0x100_0000_01b3
                }
                add(&vector, value, salt: salt)
            }
        }
    }

    @inline(__always)
    private func add(_ vector: inout SparseVector, _ hash: UInt64, salt: UInt64) {
        let mixed = FeatureHash.mix(hash ^ (salt &* 0xD6E8_FEB8_6659_FD93))
        let slot = Int(mixed & UInt64(dimensions - 1))
        vector.append(slot, (mixed >> 63) == 0 ? 1 : -1)
    }

    private func scale(_ vector: inout SparseVector, from start: Int, by factor: Float) {
        guard factor != 1 else { return }
        for position in start..<vector.count { vector.values[position] *= factor }
    }
}

/// Words and cues of a short text, as the featurizer sees them.
struct FeatureTokens {
    var words: [String] = []
    var cues: [String] = []

    init(_ text: String) {
        var numbers = 0
        var capitalised = 0
        var hasURL = false
        words.reserveCapacity(32)
        var pieceIndex = 0
        for piece in text.unicodeScalars.split(whereSeparator: { $0.isSpace }) {
            defer { pieceIndex += 1 }
            guard let first = piece.first else { continue }
            if first == "h" || first == "w" || first == "p" || first == "H" || first == "W" {
                let head = String(String.UnicodeScalarView(piece.prefix(11))).lowercased()
                if head.hasPrefix("http") || head.hasPrefix("www.") || head.hasPrefix("pic.twitter") {
                    words.append("<url>")
                    hasURL = true
                    continue
                }
            }
            if first == "@", piece.count > 1 {
                words.append("<user>")
                continue
            }
            if pieceIndex > 0, first.isUpper { capitalised += 1 }
            // Split the piece into word and number runs; keep a few symbols as tokens. Runs are
            // gathered as UTF-8 bytes (ASCII lower-cased on the way) and become strings once.
            var current: [UInt8] = []
            var isNumber = false
            var digitCount = 0
            var asciiOnly = true
            func flush() {
                guard !current.isEmpty else { return }
                if isNumber {
                    numbers += 1
                    let text = String(decoding: current, as: UTF8.self)
                    if digitCount == 4, let value = Int(text), (1900...2099).contains(value) {
                        words.append("<year>")
                    } else {
                        words.append("<num>")
                    }
                    if digitCount <= 2 { words.append(text) }
                } else {
                    let text = String(decoding: current, as: UTF8.self)
                    words.append(asciiOnly ? text : text.lowercased())
                }
                current.removeAll(keepingCapacity: true)
                isNumber = false
                digitCount = 0
                asciiOnly = true
            }
            func append(_ scalar: Unicode.Scalar, lower: Bool) {
                let value = scalar.value
                if value < 0x80 {
                    current.append(lower && value >= 0x41 && value <= 0x5A ? UInt8(value + 32) : UInt8(value))
                } else {
                    asciiOnly = false
                    UTF8.encode(scalar) { current.append($0) }
                }
            }
            for scalar in piece {
                if scalar.isLetter || scalar == "'" || scalar == "\u{2019}" {
                    if isNumber { flush() }
                    append(scalar == "\u{2019}" ? "'" : scalar, lower: true)
                } else if scalar.isDigit {
                    if !isNumber { flush(); isNumber = true }
                    append(scalar, lower: false)
                    digitCount += 1
                } else if (scalar == "." || scalar == ","), isNumber {
                    append(scalar, lower: false)
                } else {
                    flush()
                    switch scalar {
                    case "%": words.append("<pct>")
                    case "$", "€", "£", "¥": words.append("<money>")
                    case "#": words.append("#")
                    case "?": words.append("?")
                    case "!": words.append("!")
                    case "\"", "\u{201C}", "\u{201D}": words.append("<q>")
                    default: break
                    }
                }
            }
            flush()
        }
        let wordCount = words.count
        cues.append("len:" + (wordCount < 4 ? "xs" : wordCount < 8 ? "s" : wordCount < 16 ? "m" : wordCount < 30 ? "l" : "xl"))
        cues.append("nums:" + (numbers == 0 ? "0" : numbers == 1 ? "1" : numbers < 4 ? "2-3" : "4+"))
        cues.append("caps:" + (capitalised == 0 ? "0" : capitalised < 3 ? "1-2" : "3+"))
        if hasURL { cues.append("url") }
        var seen: UInt32 = 0
        for word in words {
            guard let groups = Self.cueIndex[word] else { continue }
            for group in groups where seen & (1 << group) == 0 {
                seen |= 1 << group
                cues.append(Self.cueNames[group])
            }
        }
        if words.last == "?" { cues.append("question") }
    }

    static let lexicon: [(String, Set<String>)] = [
        ("i", ["i", "me", "my", "i'm", "i've", "i'll", "myself"]),
        ("we", ["we", "our", "us", "we're", "we've", "we'll"]),
        ("you", ["you", "your", "you're", "you've"]),
        (
            "compare",
            [
                "more", "less", "fewer", "most", "least", "largest", "biggest", "highest", "lowest", "than",
                "doubled", "tripled", "increased", "decreased", "rose", "fell", "cut", "raised", "record", "only",
            ]
        ),
        ("report", ["said", "says", "according", "reported", "told", "announced", "claimed", "stated"]),
        ("modal", ["will", "would", "could", "should", "might", "may", "must", "going"]),
        (
            "opinion",
            [
                "think", "believe", "feel", "hope", "wish", "want", "great", "terrible", "wonderful",
                "disaster", "love", "thank", "thanks", "congratulations", "welcome",
            ]
        ),
        (
            "time",
            [
                "year", "years", "month", "months", "week", "weeks", "today", "yesterday", "ago", "since",
                "last", "decade", "century",
            ]
        ),
        (
            "gov",
            [
                "tax", "taxes", "jobs", "economy", "law", "bill", "government", "budget", "deficit", "debt",
                "percent", "million", "billion", "trillion", "vote", "voted", "unemployment", "health", "cases",
                "deaths", "tested", "vaccine", "virus",
            ]
        ),
        ("percent", ["<pct>", "percent"]),
        ("money", ["<money>", "dollars", "million", "billion"]),
    ]

    static let cueNames: [String] = lexicon.map(\.0)

    /// Each lexicon word and the groups it belongs to.
    static let cueIndex: [String: [Int]] = {
        var index: [String: [Int]] = [:]
        for (group, entry) in lexicon.enumerated() {
            for word in entry.1 { index[word, default: []].append(group) }
        }
        return index
    }()
}
