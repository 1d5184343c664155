/// A passage in quotation marks and who said it.
public struct Quotation: Sendable, Hashable, Codable {
    /// What kind of quotation it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A quoted sentence or more: “We cannot keep patching a 1968 bridge,” said the mayor.
        case direct
        /// Quoted words inside the writer's own sentence: called it “a blank cheque”.
        case partial
        /// One or two words set off to distance the writer from them: rated the deck “fair”.
        case scare
        /// Reported speech without quotation marks: the mayor said the bridge would reopen.
        case indirect
    }

    /// The quoted words, without the marks.
    public var text: String
    public var kind: Kind
    /// Span of the quoted words in the article text, in Unicode scalars.
    public var start: Int
    public var end: Int
    /// The person, body or document quoted, when it could be resolved.
    public var speaker: String?

    public init(text: String, kind: Kind, start: Int, end: Int, speaker: String? = nil) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.speaker = speaker
    }
}

/// Finds pairs of quotation marks in text: curly double quotes, straight double quotes, guillemets,
/// and curly single quotes used as quotation marks (not apostrophes).
enum QuoteFinder {
    /// Spans of quoted text (inside the marks), in order.
    static func quotes(in s: [Unicode.Scalar]) -> [TextSpan] {
        var result: [TextSpan] = []
        for block in SentenceSegmenter().blocks(s) {
            var openCurly: Int?
            var openStraight: Int?
            var openSingle: Int?
            var index = block.start
            while index < block.end {
                let c = s[index]
                switch c {
                case "\u{201C}", "\u{00AB}":
                    openCurly = index
                case "\u{201D}", "\u{00BB}":
                    if let open = openCurly { append(open, index, &result) }
                    openCurly = nil
                case "\"":
                    if let open = openStraight {
                        append(open, index, &result)
                        openStraight = nil
                    } else {
                        openStraight = index
                    }
                case "\u{2018}":
                    let before = index > block.start ? s[index - 1] : " "
                    if before.isSpace || SentenceSegmenter.isOpener(before) || before == "—" { openSingle = index }
                case "\u{2019}":
                    let before = index > block.start ? s[index - 1] : " "
                    let after = index + 1 < block.end ? s[index + 1] : " "
                    if let open = openSingle, !(before.isLetter && after.isLetter), !after.isLetter {
                        append(open, index, &result)
                        openSingle = nil
                    }
                default:
                    break
                }
                index += 1
            }
        }
        return result.sorted { $0.start < $1.start }
    }

    private static func append(_ open: Int, _ close: Int, _ result: inout [TextSpan]) {
        guard close > open + 1 else { return }
        result.append(TextSpan(start: open + 1, end: close))
    }
}
