/// The part of a passage the inference model reads: the whole passage (the default), or the
/// sentences that share most of the claim's terms, in the passage's order. Reading two sentences
/// verifies a third more claims a second but catches fewer refutations (`bench verify --focus`,
/// `eval stance --focus`), so it is for measuring, not the default. The explainable checks always
/// read the whole passage.
public struct EvidenceFocus: Sendable {
    /// Sentences kept; a passage with no more than this is read whole. `nil` reads every passage whole.
    public var sentences: Int?

    public init(sentences: Int? = nil) {
        self.sentences = sentences
    }

    /// `passage`, or its `sentences` sentences sharing most terms with `claim` (ties to the earlier).
    public func text(of passage: String, for claim: String) -> String {
        guard let sentences else { return passage }
        let scalars = Array(passage.unicodeScalars)
        let spans = SentenceSegmenter().sentences(in: scalars)
        guard spans.count > sentences else { return passage }
        let claimTerms = Set(RetrievalTerms.terms(claim))
        let texts = spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        let shared = texts.map { Set(RetrievalTerms.terms($0)).intersection(claimTerms).count }
        let kept = texts.indices.sorted { shared[$0] != shared[$1] ? shared[$0] > shared[$1] : $0 < $1 }.prefix(sentences).sorted()
        return kept.map { texts[$0] }.joined(separator: " ")
    }
}
