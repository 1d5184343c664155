internal import Foundation

/// The comment section of copied text: where it starts, its chrome, and its comments when the
/// section shows no structure for ``CommentSectionSplitter``.
extension PlainTextExtractor {
    /// The index of a line that opens the comment section ("8 Comments", "Comments (8)"). A count
    /// above the story (a link in the share row under the byline) is not the section when another
    /// heading follows: the section follows an article, so at least two lines of prose stand above it.
    func commentSectionStart(_ lines: [String]) -> Int? {
        var prose = 0
        var candidates: [(index: Int, prose: Int)] = []
        for (index, line) in lines.enumerated() where index > 0 {
            if Self.isCommentHeading(line) { candidates.append((index, prose)) }
            if Self.isProse(line) { prose += 1 }
        }
        return (candidates.first { $0.prose >= 2 } ?? candidates.first)?.index
    }

    /// A line that reads as a paragraph of text: long, ending as a sentence ends.
    static func isProse(_ line: String) -> Bool {
        guard line.count >= 80, let last = line.last else { return false }
        return ".!?\"”’')".contains(last)
    }

    static func isCommentHeading(_ line: String) -> Bool {
        // "6 comments · sorted by top · new": the heading with its sort links.
        if let dot = line.range(of: " · "), isCommentHeading(String(line[..<dot.lowerBound])) { return true }
        let lower = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.-–—"))
        let words = lower.split(separator: " ")
        // WordPress: "4 thoughts on “Bus fares to rise”", "One response to …".
        let leading = lower.split(separator: " ", maxSplits: 3)
        if leading.count == 4, Int(leading[0]) != nil || leading[0] == "one",
            ["thoughts", "thought", "responses", "response", "comments", "comment", "replies", "reply"].contains(String(leading[1])),
            ["on", "to"].contains(String(leading[2])), let mark = leading[3].first, "\"“„«'‘".contains(mark), line.count <= 200
        {
            return true
        }
        guard (1...4).contains(words.count) else { return false }
        // "Sort by: Best", "Comment as guest": the controls over a thread that shows no count.
        if ["sort by: best", "sort by: top", "sort by: new", "sort by: old", "comment as guest"].contains(lower) { return true }
        if commentHeadings.contains(lower) { return true }
        let digits = lower.filter(\.isNumber)
        let letters = lower.filter { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces)
        let nouns = [
            "comments", "comment", "responses", "response", "replies", "show comments", "view comments",
            "see comments", "all comments", "reader comments", "reactions", "reaction", "what readers say", "readers' comments",
            "discussion", "conversation", "top comments", "join the chat", "reader feedback", "talkback",
        ]
        if !digits.isEmpty || lower.hasPrefix("no ") {
            let stripped = letters.hasPrefix("no ") ? String(letters.dropFirst(3)) : letters
            // "Have your say (15)": a heading with its count.
            return nouns.contains(stripped) || commentHeadings.contains(stripped)
        }
        return false
    }

    /// Headings a comment section goes by, in lower case.
    static let commentHeadings: Set<String> = [
        "comments", "reader comments", "readers' comments", "join the conversation", "discussion",
        "what readers say", "responses", "comments are open", "reactions", "reader reactions", "conversation", "top comments",
        "have your say", "join the debate", "your comments", "your say", "discussion about this post", "join the chat",
        "reader feedback", "readers' feedback", "talkback",
        "discussion about this article", "discussion about this story",
    ]

    static func comments(from lines: [String]) -> [Comment] {
        let section = normalizedCommentLines(lines).filter {
            !isCommentChrome($0.trimmingCharacters(in: .whitespaces))
        }
        if let split = CommentSectionSplitter.split(section) { return split }
        var body = section.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !FurnitureText.isReplyWidget($0) && !CommentSectionSplitter.isActions($0)
        }
        while body.first?.isEmpty == true { body.removeFirst() }
        while body.last?.isEmpty == true { body.removeLast() }
        guard !body.isEmpty else { return [] }
        let paragraphMode = body.contains(where: \.isEmpty)
        var comments: [Comment] = []
        var pendingAuthor: String?
        var pendingTime: String?
        // "Marta V.: text" — a site that prints the author before the comment on its line; read
        // so only when two lines or more do it, as a lone "Update: …" is no author.
        let inlineAuthors = body.count { inlineAuthor($0) != nil } >= 2

        func add(_ text: String) {
            var trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            if inlineAuthors, pendingAuthor == nil, let inline = inlineAuthor(trimmed) {
                pendingAuthor = inline.author
                trimmed = inline.text
            }
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
                if inlineAuthors, block.count > 1, block.allSatisfy({ inlineAuthor($0) != nil }) {
                    block.forEach(add)
                    return
                }
                var lines = block
                while lines.count > 1 {
                    if let header = parseHeader(lines[0]) {
                        if let author = header.author { pendingAuthor = author }
                        if let time = header.time { pendingTime = time }
                    } else if pendingAuthor == nil, looksLikeName(lines[0]) {
                        pendingAuthor = lines[0]
                    } else {
                        break
                    }
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
                if nextIsText, pendingAuthor == nil, looksLikeName(line), !looksLikeName(body[index + 1]) {
                    pendingAuthor = line
                    continue
                }
                add(line)
            }
        }
        return comments
    }

    /// The author and text of a line "Marta V.: The library is …", or `nil` when the line does not
    /// open with a name and a colon.
    static func inlineAuthor(_ line: String) -> (author: String, text: String)? {
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 40 else { return nil }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let text = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, looksLikeName(name) || CommentSectionSplitter.isHandle(name) else { return nil }
        return (name, text)
    }

    /// Lines of comment-box chrome: "Sort by", "Newest", "Log in to comment".
    static func isCommentChrome(_ line: String) -> Bool {
        let bare = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .:…»›"))
        return [
            "sort by", "newest", "oldest", "most liked", "best", "top comments", "log in to comment",
            "sign in to comment", "write a comment", "add a comment", "leave a comment", "post comment",
            "load more", "show more comments", "view more comments", "join the discussion", "most relevant", "all comments",
            "leave a reply", "your email address will not be published", "required fields are marked", "sort:", "newest first",
            "oldest first", "top first", "most liked first", "top", "new", "old", "popular", "most popular",
        ]
        // A one-word entry ("Best", "Newest") must be the whole line: a comment may start with it.
        .contains { bare == $0 || ($0.contains(" ") && bare.hasPrefix($0) && bare.count < $0.count + 40) }
            || isHiddenCount(bare) || bare.hasSuffix("'s avatar") || bare.hasSuffix("’s avatar") || isSectionNotice(bare)
    }

    /// "1 more reply", "5 more comments", "show 2 replies", "view all 12 comments": comments the
    /// page has folded away, not a comment.
    static func isHiddenCount(_ bare: String) -> Bool {
        let words = bare.split(separator: " ")
        guard (2...5).contains(words.count), words.contains(where: { $0.allSatisfy(\.isNumber) }), let last = words.last else { return false }
        // "2 replies" alone counts replies the page shows below it (``CommentSectionSplitter``).
        if CommentSectionSplitter.replyCount(bare) != nil { return false }
        return ["reply", "replies", "comment", "comments", "response", "responses"].contains(String(last))
    }

    /// The notices a comment section opens or closes with: moderation, house rules, signing in.
    static func isSectionNotice(_ bare: String) -> Bool {
        guard bare.split(separator: " ").count <= 30 else { return false }
        return ["you must be logged in", "you must be signed in", "you need to be logged in", "comments are moderated"].contains {
            bare.hasPrefix($0)
        } || ["house rules", "community guidelines", "community standards"].contains { bare.contains($0) }
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

    /// Lower-case words that stand inside names: "de", "van", "bin".
    static let nameParticles: Set<String> = [
        "de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter", "le", "la", "du", "bin", "ibn", "al", "y",
    ]

    /// One to four capitalised words (particles such as "de" inside), or a handle.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 40 else { return false }
        if text.hasPrefix("@") { return words.count == 1 }
        if let last = text.last, ".!?,;".contains(last), !text.hasSuffix(".") || words.count > 2 { return false }
        // "John S." ends on an initial; "Agreed." is a reply, not a name.
        if text.hasSuffix("."), let lastWord = words.last, lastWord.count > 3 { return false }
        return words.enumerated().allSatisfy { position, word in
            guard let first = word.first else { return false }
            // "Mark de Wit", "Ana dos Santos": a particle inside a name.
            if position > 0, position < words.count - 1, nameParticles.contains(String(word)) { return true }
            return first.isUppercase && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0.isNumber }
        }
    }

    /// "2 hours ago", "yesterday", "March 3, 2026 at 10:15 am", "10:15".
    static func looksLikeTime(_ text: String) -> Bool {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard lower.count <= 40 else { return false }
        if lower.hasSuffix(" ago") || ["just now", "yesterday", "today"].contains(lower) { return true }
        // "Yesterday at 21:14", "today, 08:05".
        for day in ["yesterday at ", "today at ", "yesterday, ", "today, ", "yesterday ", "today "] where lower.hasPrefix(day) {
            return looksLikeTime(String(lower.dropFirst(day.count)))
        }
        if DateNormalizer.iso8601(text) != nil || DateNormalizer.isAmbiguousNumericDate(text) { return true }
        // "11:48 PM MST": a time with its zone's abbreviation.
        let words = text.split(separator: " ")
        if words.count >= 2, let zone = words.last, (2...5).contains(zone.count), zone.allSatisfy(\.isUppercase), zone != "AM", zone != "PM" {
            return looksLikeTime(words.dropLast().joined(separator: " "))
        }
        let parts = lower.split(separator: ":")
        return parts.count == 2 && parts.allSatisfy { $0.prefix(2).allSatisfy(\.isNumber) } && lower.count <= 8
    }
}
