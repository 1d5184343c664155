/// A document on its way into the evidence store: text plus provenance.
public struct EvidenceDocument: Sendable, Hashable, Codable {
    /// The id the document was imported with (a JSON Lines `id`), if any.
    public var externalID: String?
    /// The source it came from (a feed's name, or "import").
    public var source: String
    /// Canonical URL.
    public var url: String?
    public var title: String?
    public var publisher: String?
    /// Publication time, ISO 8601.
    public var published: String?
    /// When it was fetched or imported, ISO 8601.
    public var retrieved: String
    /// ISO 639-1 language code, when known.
    public var language: String?
    /// The body text; paragraphs separated by blank lines.
    public var text: String

    public init(
        externalID: String? = nil, source: String, url: String? = nil, title: String? = nil, publisher: String? = nil,
        published: String? = nil, retrieved: String, language: String? = nil, text: String
    ) {
        self.externalID = externalID
        self.source = source
        self.url = url
        self.title = title
        self.publisher = publisher
        self.published = published
        self.retrieved = retrieved
        self.language = language
        self.text = text
    }

    /// SHA-256 of the text with case and white space normalised: equal for the same content.
    public var contentHash: String {
        Digests.sha256Hex(Array(text.lowercased().collapsingWhitespace.utf8))
    }

    /// The SimHash fingerprint of the text, for near-duplicate detection.
    public var fingerprint: UInt64 { SimHash.fingerprint(text) }

    /// The passages the document is indexed as.
    public var passages: [PassageSpan] { PassageSplitter().passages(in: text) }
}

/// A stretch of a document's text, indexed for retrieval.
public struct PassageSpan: Sendable, Hashable, Codable {
    public var ordinal: Int
    /// Offsets into the document text, in Unicode scalars.
    public var start: Int
    public var end: Int
    public var text: String

    public init(ordinal: Int, start: Int, end: Int, text: String) {
        self.ordinal = ordinal
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Cuts text into passages: windows of up to three sentences (about 80 words at most) that
/// overlap by one sentence, so a claim that spans a boundary is still found whole.
public struct PassageSplitter: Sendable {
    public var sentencesPerPassage: Int
    public var maximumWords: Int

    public init(sentencesPerPassage: Int = 3, maximumWords: Int = 80) {
        self.sentencesPerPassage = sentencesPerPassage
        self.maximumWords = maximumWords
    }

    public func passages(in text: String) -> [PassageSpan] {
        let scalars = Array(text.unicodeScalars)
        let segmenter = SentenceSegmenter()
        var result: [PassageSpan] = []
        let all = segmenter.sentences(in: scalars)
        // Passages stay inside a paragraph.
        var cursor = 0
        for block in segmenter.blocks(scalars) {
            var sentences: [TextSpan] = []
            while cursor < all.count, all[cursor].end <= block.end {
                if all[cursor].start >= block.start { sentences.append(all[cursor]) }
                cursor += 1
            }
            window(sentences, scalars, into: &result)
        }
        return result
    }

    private func window(_ sentences: [TextSpan], _ scalars: [Unicode.Scalar], into result: inout [PassageSpan]) {
        guard !sentences.isEmpty else { return }
        var index = 0
        while index < sentences.count {
            var end = index
            var words = scalars.text(sentences[index]).roughWordCount
            while end + 1 < sentences.count, end + 1 - index < sentencesPerPassage {
                let next = scalars.text(sentences[end + 1]).roughWordCount
                if words + next > maximumWords { break }
                words += next
                end += 1
            }
            let span = TextSpan(start: sentences[index].start, end: sentences[end].end)
            result.append(PassageSpan(ordinal: result.count, start: span.start, end: span.end, text: scalars.text(span)))
            if end + 1 >= sentences.count { break }
            index = end > index ? end : end + 1
        }
    }
}

/// 64-bit SimHash over word 3-shingles: texts that differ in a few words differ in a few bits.
public enum SimHash {
    public static func fingerprint(_ text: String) -> UInt64 {
        let words = RetrievalTerms.terms(text, stem: false)
        guard !words.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 64)
        let width = min(3, words.count)
        for start in 0...(words.count - width) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in words[start..<(start + width)] {
                hash = FeatureHash.combine(hash, Substring(word))
                hash = hash &* 0x100_0000_01b3 ^ 0x20
            }
            hash = FeatureHash.mix(hash)
            for bit in 0..<64 { counts[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// The number of differing bits.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// Fingerprints at most this far apart are near-duplicates.
    public static let nearDuplicateDistance = 3

    /// The four 16-bit bands of a fingerprint; two fingerprints within distance 3 share a band.
    public static func bands(_ value: UInt64) -> [Int] {
        (0..<4).map { Int((value >> UInt64($0 * 16)) & 0xFFFF) }
    }
}
