/// A thread's summary: how many comments look inauthentic, the templates, the common reasons.
public struct CommentSummary: Sendable, Hashable, Codable {
    public var comments: Int
    public var inauthentic: Int
    public var templates: Int
    /// Flag name → how many comments carry it.
    public var flags: [String: Int]
    /// One line for people: "6 of 8 comments look inauthentic; 2 templates".
    public var text: String
    /// How relatedness, templates and boilerplate were judged: `meaning` (the sentence encoder)
    /// or `words` (shared words, when the encoder is not installed or the thread is very long).
    public var method: String = "words"

    public init(_ results: [CommentScreening]) {
        comments = results.count
        inauthentic = results.count { $0.inauthentic >= 0.5 }
        templates = Set(results.compactMap { $0.flags.contains("template") ? $0.cluster : nil }).count
        var counts: [String: Int] = [:]
        for result in results { for flag in result.flags { counts[flag, default: 0] += 1 } }
        flags = counts
        var line = "\(inauthentic) of \(comments) comment\(comments == 1 ? "" : "s") look\(inauthentic == 1 ? "s" : "") inauthentic"
        if templates > 0 { line += "; \(templates) template\(templates == 1 ? "" : "s")" }
        let common = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(3)
        if !common.isEmpty { line += "; most common: " + common.map { "\($0.key) (\($0.value))" }.joined(separator: ", ") }
        text = line
    }
}
