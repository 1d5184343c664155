internal import Foundation

/// Reads an ``Article`` out of plain text, including a web page a reader copied as text.
///
/// The first short line is the headline; "By ..." and date lines are metadata; widget lines
/// ("Listen to this article", share prompts, promo boxes) are dropped; hard-wrapped lines are joined.
/// A line such as "8 Comments" starts the comment section: each paragraph after it (or each line,
/// when the section has no blank lines) is one comment.
public struct PlainTextExtractor: Sendable {
    public init() {}

    public func extract(text: String, url: String? = nil) -> Article {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var commentLines: [String] = []
        if let start = commentSectionStart(lines) {
            commentLines = Array(lines[(start + 1)...])
            lines = Array(lines[..<start])
        }
        let blocks = Self.paragraphs(from: lines)
        var paragraphs = blocks.filter { !FurnitureText.isFurniture($0) }
        var title: String?
        if let first = paragraphs.first, Self.looksLikeHeadline(first), paragraphs.count > 1 {
            title = first
            paragraphs.removeFirst()
        }
        var byline: String?
        var published: String?
        ArticleHeaderLines.strip(from: &paragraphs, title: title, byline: &byline, published: &published)
        return Article(
            url: url, title: title, byline: byline, published: published, paragraphs: paragraphs,
            comments: Self.comments(from: commentLines))
    }

    // MARK: Body

    /// Blank-line-separated blocks, with hard-wrapped lines joined and other lines kept apart.
    static func paragraphs(from lines: [String]) -> [String] {
        var result: [String] = []
        var current = ""
        var previous = ""
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = ""
                previous = ""
                continue
            }
            if current.isEmpty {
                current = line
            } else if continues(previous, with: line) {
                current += " " + line
            } else {
                result.append(current)
                current = line
            }
            previous = line
        }
        if !current.isEmpty { result.append(current) }
        return result.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
    }

    /// Whether `next` continues the paragraph that `line` is part of (a hard-wrapped line).
    static func continues(_ line: String, with next: String) -> Bool {
        guard let last = line.last, let first = next.first else { return false }
        if first.isLowercase { return true }
        let terminal: Set<Character> = [".", "!", "?", ":", "\"", "”", "’", "'", ")", "…"]
        if terminal.contains(last) { return false }
        if ["•", "-", "*", "–", "—"].contains(first) { return false }
        return line.count >= 50
    }

    /// A first line that reads as a headline: short and not a finished sentence.
    static func looksLikeHeadline(_ line: String) -> Bool {
        let words = line.split(separator: " ").count
        guard words >= 2, words <= 25, line.count <= 200 else { return false }
        if line.hasSuffix(".") && words > 12 { return false }
        return ArticleHeaderLines.bylineName(line) == nil
    }

    // MARK: Comments

    /// The index of a line that opens the comment section ("8 Comments", "Comments (8)").
    func commentSectionStart(_ lines: [String]) -> Int? {
        for (index, line) in lines.enumerated() where index > 0 && Self.isCommentHeading(line) {
            return index
        }
        return nil
    }

    static func isCommentHeading(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.-–—"))
        let words = lower.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        if ["comments", "reader comments", "readers' comments", "join the conversation", "discussion",
            "what readers say", "responses", "comments are open"].contains(lower)
        {
            return true
        }
        let digits = lower.filter(\.isNumber)
        let letters = lower.filter { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces)
        let nouns = ["comments", "comment", "responses", "response", "replies", "show comments", "view comments",
            "see comments", "all comments", "reader comments"]
        if !digits.isEmpty || lower.hasPrefix("no ") {
            let stripped = letters.hasPrefix("no ") ? String(letters.dropFirst(3)) : letters
            return nouns.contains(stripped)
        }
        return false
    }

    static func comments(from lines: [String]) -> [Comment] {
        let body = lines.filter { !FurnitureText.isReplyWidget($0) && !isCommentChrome($0) }
        guard body.contains(where: { !$0.isEmpty }) else { return [] }
        let paragraphMode = body.contains(where: \.isEmpty)
        var comments: [Comment] = []
        var pendingAuthor: String?
        var pendingTime: String?

        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            comments.append(
                Comment(
                    id: "c\(comments.count + 1)", author: pendingAuthor,
                    time: pendingTime.flatMap(DateNormalizer.normalizedOrRaw), text: trimmed))
            pendingAuthor = nil
            pendingTime = nil
        }

        if paragraphMode {
            var block: [String] = []
            func flushBlock() {
                defer { block = [] }
                var lines = block
                while lines.count > 1, let header = parseHeader(lines[0]) {
                    if let author = header.author { pendingAuthor = author }
                    if let time = header.time { pendingTime = time }
                    lines.removeFirst()
                }
                if lines.count == 1, block.count == 1, let header = parseHeader(lines[0]), header.author == nil,
                    header.time != nil
                {
                    pendingTime = header.time
                    return
                }
                if lines.count == 1, block.count == 1, looksLikeName(lines[0]) {
                    pendingAuthor = lines[0]
                    return
                }
                add(lines.joined(separator: " "))
            }
            for line in body {
                if line.isEmpty { if !block.isEmpty { flushBlock() } } else { block.append(line) }
            }
            if !block.isEmpty { flushBlock() }
        } else {
            for (index, line) in body.enumerated() {
                let nextIsText = index + 1 < body.count && parseHeader(body[index + 1]) == nil
                if nextIsText, let header = parseHeader(line) {
                    if let author = header.author { pendingAuthor = author }
                    if let time = header.time { pendingTime = time }
                    continue
                }
                add(line)
            }
        }
        return comments
    }

    /// Lines of comment-box chrome: "Sort by", "Newest", "Log in to comment".
    static func isCommentChrome(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["sort by", "newest", "oldest", "most liked", "best", "top comments", "log in to comment",
            "sign in to comment", "write a comment", "add a comment", "leave a comment", "post comment",
            "load more", "show more comments", "view more comments"]
            .contains { lower == $0 || (lower.hasPrefix($0) && lower.count < 40) }
    }

    /// A comment header line: "Jane Doe", "Jane Doe · 2 hours ago", "@harbourfan - March 3, 2026".
    static func parseHeader(_ line: String) -> (author: String?, time: String?)? {
        guard line.count <= 80 else { return nil }
        for separator in [" · ", " | ", " • ", " - ", " — ", " – "] {
            let parts = line.components(separatedBy: separator)
            if parts.count == 2, looksLikeName(parts[0]), looksLikeTime(parts[1]) {
                return (parts[0], parts[1])
            }
        }
        if looksLikeTime(line) { return (nil, line) }
        if line.hasSuffix(":"), looksLikeName(String(line.dropLast())) { return (String(line.dropLast()), nil) }
        if line.hasPrefix("@"), !line.contains(" ") { return (line, nil) }
        return nil
    }

    /// One to four capitalised words, or a handle.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 40 else { return false }
        if text.hasPrefix("@") { return words.count == 1 }
        if let last = text.last, ".!?,;".contains(last), !text.hasSuffix(".") || words.count > 2 { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0.isNumber }
        }
    }

    /// "2 hours ago", "yesterday", "March 3, 2026 at 10:15 am", "10:15".
    static func looksLikeTime(_ text: String) -> Bool {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard lower.count <= 40 else { return false }
        if lower.hasSuffix(" ago") || ["just now", "yesterday", "today"].contains(lower) { return true }
        if DateNormalizer.iso8601(text) != nil { return true }
        let parts = lower.split(separator: ":")
        return parts.count == 2 && parts.allSatisfy { $0.prefix(2).allSatisfy(\.isNumber) } && lower.count <= 8
    }
}
