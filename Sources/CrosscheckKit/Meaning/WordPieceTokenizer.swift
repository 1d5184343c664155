public import Foundation

/// BERT's tokenizer: text cleaned, CJK ideographs split out, lower-cased with accents stripped,
/// split on whitespace and punctuation, then each word cut greedily into the longest vocabulary
/// pieces (`##` marks a piece inside a word); a word that cannot be cut becomes `[UNK]`.
public struct WordPieceTokenizer: Sendable {
    let vocabulary: [String: Int32]
    public let lowercase: Bool
    public let unknown: Int32
    public let classify: Int32
    public let separator: Int32
    static let maxWordLength = 100

    /// A tokenizer over `vocab.txt` lines (a token a line, its line number its id).
    public init(vocabulary lines: [String], lowercase: Bool = true) throws {
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() where vocabulary[line] == nil { vocabulary[line] = Int32(index) }
        guard let unknown = vocabulary["[UNK]"], let classify = vocabulary["[CLS]"], let separator = vocabulary["[SEP]"] else {
            throw CrosscheckError(.modelMissing, "the encoder vocabulary has no [UNK], [CLS] or [SEP]; restore vocab.txt")
        }
        self.vocabulary = vocabulary
        self.lowercase = lowercase
        self.unknown = unknown
        self.classify = classify
        self.separator = separator
    }

    /// The ids of `text` between `[CLS]` and `[SEP]`, at most `maxTokens` in all.
    public func ids(_ text: String, maxTokens: Int) -> [Int32] {
        var ids: [Int32] = [classify]
        let limit = max(2, maxTokens) - 1
        for word in words(text) {
            for piece in pieces(word) {
                guard ids.count < limit else { break }
                ids.append(piece)
            }
            if ids.count >= limit { break }
        }
        ids.append(separator)
        return ids
    }

    /// The ids of a text pair as a cross-encoder reads it: `[CLS] first [SEP] second [SEP]`, with
    /// token type 0 up to the first `[SEP]` and 1 after. When the pair is longer than `maxTokens`,
    /// the longer text is cut first, as Hugging Face's `longest_first` truncation does.
    public func pairIDs(_ first: String, _ second: String, maxTokens: Int) -> (ids: [Int32], types: [Int32]) {
        var a = words(first).flatMap(pieces)
        var b = words(second).flatMap(pieces)
        let budget = max(maxTokens - 3, 0)
        if a.count + b.count > budget {
            // The shorter text keeps what it can (up to the whole budget); the longer gets the rest.
            var short = min(a.count, b.count)
            var long = short > budget ? short : max(short, budget - short)
            if short + long > budget {
                short = budget / 2
                long = short + budget % 2
            }
            let (keepA, keepB) = a.count > b.count ? (long, short) : (short, long)
            a = Array(a.prefix(keepA))
            b = Array(b.prefix(keepB))
        }
        let ids = [classify] + a + [separator] + b + [separator]
        let types = [Int32](repeating: 0, count: a.count + 2) + [Int32](repeating: 1, count: b.count + 1)
        return (ids, types)
    }

    /// The word-level tokens, after normalisation and splitting.
    public func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in normalized(text) {
            if scalar.properties.isWhitespace || Self.isBERTWhitespace(scalar) {
                flush()
            } else if Self.isPunctuation(scalar) || Self.isCJK(scalar) {
                flush()
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }

    /// The text cleaned (control characters dropped) and, for uncased models, lower-cased with
    /// combining marks removed after canonical decomposition.
    func normalized(_ text: String) -> String.UnicodeScalarView {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD { continue }
            if Self.isBERTWhitespace(scalar) {
                cleaned.append(" ")
                continue
            }
            if Self.isControl(scalar) { continue }
            cleaned.append(scalar)
        }
        guard lowercase else { return cleaned }
        let lowered = String(cleaned).lowercased().decomposedStringWithCanonicalMapping
        var result = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            result.append(scalar)
        }
        return result
    }

    /// The vocabulary ids of one word, longest match first.
    func pieces(_ word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= Self.maxWordLength else { return [unknown] }
        var result: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { piece = "##" + piece }
                if let id = vocabulary[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else { return [unknown] }
            result.append(found)
            start = end
        }
        return result
    }

    static func isBERTWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r": true
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            true
        default: false
        }
    }
}
