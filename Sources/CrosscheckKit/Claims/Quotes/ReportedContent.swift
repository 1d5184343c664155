/// The content of reported speech: what a sentence says its source said, without the
/// attribution — after "X said (that)", before ", X said" or ", said X", beside "according to X".
enum ReportedContent {
    static let reportingVerbs: Set<String> = ["according"]

    /// The content's span, or `nil` when what is left is too short to be a statement.
    static func span(of attribution: ReportedSpeech.Attribution, in sentence: TextSpan, tokens: [Token], scalars: [Unicode.Scalar])
        -> TextSpan?
    {
        guard tokens.indices.contains(attribution.verb) else { return nil }
        let verb = tokens[attribution.verb].span
        let clauseStart = min(attribution.span.start, verb.start)
        var clauseEnd = max(attribution.span.end, verb.end)
        // "according to X": the clause runs to the end of the source.
        if tokens[attribution.verb].text.lowercased() == "according" { clauseEnd = max(clauseEnd, attribution.span.end) }
        let before = trimmed(TextSpan(start: sentence.start, end: clauseStart), scalars: scalars)
        var after = trimmed(TextSpan(start: clauseEnd, end: sentence.end), scalars: scalars)
        // "said that …", "told reporters that …": the content starts after "that".
        if let that = firstWord(after, scalars: scalars), that.word == "that" {
            after = trimmed(TextSpan(start: that.end, end: after.end), scalars: scalars)
        }
        let chosen = length(after) >= length(before) ? after : before
        return length(chosen) >= 12 ? chosen : nil
    }

    static func length(_ span: TextSpan) -> Int { max(0, span.end - span.start) }

    /// The span without surrounding spaces, commas, colons and the sentence's final stop.
    static func trimmed(_ span: TextSpan, scalars: [Unicode.Scalar]) -> TextSpan {
        var start = span.start
        var end = span.end
        let edges: Set<Unicode.Scalar> = [" ", "\n", "\t", ",", ":", ";", ".", "—", "–", "-"]
        while start < end, edges.contains(scalars[start]) { start += 1 }
        while end > start, edges.contains(scalars[end - 1]) { end -= 1 }
        return TextSpan(start: start, end: end)
    }

    static func firstWord(_ span: TextSpan, scalars: [Unicode.Scalar]) -> (word: String, end: Int)? {
        var end = span.start
        while end < span.end, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > span.start else { return nil }
        return (String(String.UnicodeScalarView(scalars[span.start..<end])).lowercased(), end)
    }
}
