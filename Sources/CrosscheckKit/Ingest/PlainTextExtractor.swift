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
        let raw = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = raw.map { $0.trimmingCharacters(in: .whitespaces) }
        var commentLines: [String] = []
        if let start = commentSectionStart(lines) {
            // As copied, indentation and all: it tells replies from comments.
            commentLines = raw[(start + 1)...].map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            lines = Array(lines[..<start])
        }
        let blocks = Self.paragraphs(from: Self.withoutLinkLists(Self.withoutPromoBlocks(Self.withoutCaptions(Self.withoutWidgetBoxes(lines)))))
        var byline: String?
        var published: String?
        // "Posted on March 1, 2026 by Dana Whitfield": a blog's header line, furniture by its
        // words, names the author and the date, and stands under the headline.
        var postedTitle: String?
        for (index, block) in blocks.prefix(12).enumerated() {
            guard let posted = ArticleHeaderLines.postedLine(block) else { continue }
            byline = posted.byline
            published = DateNormalizer.iso8601(posted.date)
            if index > 0, Self.looksLikeHeadline(blocks[index - 1]), !FurnitureText.isFurniture(blocks[index - 1]) { postedTitle = blocks[index - 1] }
            break
        }
        var paragraphs = blocks.filter { !FurnitureText.isFurniture($0) }
        let title: String?
        if let postedTitle, let at = paragraphs.firstIndex(of: postedTitle) {
            paragraphs.removeFirst(at + 1)
            title = postedTitle
        } else {
            title = Self.takeHeadline(from: &paragraphs)
        }
        ArticleHeaderLines.strip(from: &paragraphs, title: title, byline: &byline, published: &published)
        paragraphs = PullQuotes.removingBio(from: PullQuotes.removing(from: paragraphs), byline: byline)
        // A section's heading left at the end with nothing under it ("FAN ZONE") is not the story's.
        while paragraphs.count > 1, let last = paragraphs.last, last.split(separator: " ").count <= 4,
            let mark = last.last, !".!?\"”’)".contains(mark)
        {
            paragraphs.removeLast()
        }
        return Article(
            url: url, title: title, byline: byline, published: published, paragraphs: paragraphs,
            comments: Self.comments(from: commentLines))
    }

    // MARK: Body

    /// The lines without the text of widget boxes: a short line with a widget line directly
    /// above and below it, no blank line between ("Fact Checker" / its call to action / "Try it
    /// now"), belongs to the box. Credits, advertisement slots, datelines, reading times and link
    /// list headings sit beside body text, so they frame no box. Body paragraphs are set apart by
    /// blank lines, or run on.
    static func withoutWidgetBoxes(_ lines: [String]) -> [String] {
        let widget = lines.map { !$0.isEmpty && FurnitureText.isWidgetEdge($0) }
        return lines.indices.compactMap { index in
            let boxed =
                index > 0 && index + 1 < lines.count && widget[index - 1] && widget[index + 1]
                && !lines[index].isEmpty && lines[index].split(separator: " ").count <= 20
            return boxed ? nil : lines[index]
        }
    }

    /// The lines without photo captions: a line directly above a photo credit ("Photo: Jo
    /// Bloggs/Agency"), the two alone between blank lines, describes the photo.
    static func withoutCaptions(_ lines: [String]) -> [String] {
        lines.indices.compactMap { index in
            let line = lines[index]
            // The caption and its credit stand as a block of their own, blank lines around them.
            let alone = (index == 0 || lines[index - 1].isEmpty) && (index + 2 >= lines.count || lines[index + 2].isEmpty)
            let captions =
                alone && index + 1 < lines.count && FurnitureText.isPhotoCredit(lines[index + 1]) && !line.isEmpty
                && line.split(separator: " ").count <= 30 && !FurnitureText.isPhotoCredit(line)
                && !line.contains("\"") && !line.contains("“")
            return captions ? nil : line
        }
    }

    /// The lines without promotion boxes: a blank-line block of two to six short lines (at most
    /// 25 words each) that opens with a newsletter, subscription or about-the-author line, holds
    /// an appeal for members or money (at most four lines), or holds two furniture lines or more,
    /// making up at least a third of it ("Morning briefing" / what it is / "Your
    /// email address" / "Sign up").
    static func withoutPromoBlocks(_ lines: [String]) -> [String] {
        var result: [String] = []
        var block: [String] = []
        func flush() {
            defer { block = [] }
            let short = block.allSatisfy { $0.split(separator: " ").count <= 25 }
            let furniture = block.count { FurnitureText.isFurniture($0) && !FurnitureText.isCreditOrAd($0) }
            let opensPromo = block.first.map(FurnitureText.isPromoOpening) ?? false
            let appeal = block.count <= 4 && block.contains(where: FurnitureText.isAppeal)
            // A box's title line vouches for up to three lines of any length under it (an author's bio).
            let titled = opensPromo && block.count <= 4
            if (2...6).contains(block.count), short || titled, opensPromo || appeal || (furniture >= 2 && furniture * 3 >= block.count) { return }
            result.append(contentsOf: block)
        }
        for line in lines {
            if line.isEmpty {
                flush()
                result.append(line)
            } else {
                block.append(line)
            }
        }
        flush()
        return result
    }

    /// The lines without link lists: under a heading such as "Most read", the short lines that
    /// read as other stories' headlines ("1. Storm warning for the north coast"), up to the first
    /// line that does not.
    static func withoutLinkLists(_ lines: [String]) -> [String] {
        // A headline over a standfirst and a byline is the story's, not the list's.
        let nonEmpty = lines.filter { !$0.isEmpty }
        var opensStory: Set<String> = []
        for index in nonEmpty.indices where ArticleHeaderLines.opensByline(nonEmpty, at: index) {
            for back in 1...2 where index - back >= 0 { opensStory.insert(nonEmpty[index - back]) }
        }
        var result: [String] = []
        var inList = false
        var taken = 0
        for line in lines {
            if FurnitureText.isLinkListHeading(line) {
                inList = true
                taken = 0
                result.append(line)
                continue
            }
            if inList, line.isEmpty, taken > 0 {
                // A list runs on without blank lines; a blank line after its items ends it.
                inList = false
            }
            if inList, !line.isEmpty {
                if isListedHeadline(line), !opensStory.contains(line) {
                    taken += 1
                    continue
                }
                inList = false
            }
            result.append(line)
        }
        return result
    }

    /// A line of a link list: a numbered line, or a short one that does not end as a sentence.
    static func isListedHeadline(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (1...18).contains(words.count) else { return false }
        if let first = words.first, first.count <= 3, first.hasSuffix(".") || first.hasSuffix(")"), first.dropLast().allSatisfy(\.isNumber) {
            return true
        }
        guard let last = line.last else { return false }
        return !".!\"”:;,".contains(last) && words.count <= 14
    }

    /// Blank-line-separated blocks; inside a block, hard-wrapped lines are joined and other lines
    /// kept apart (a copied page often has one paragraph or widget per line).
    static func paragraphs(from lines: [String]) -> [String] {
        var result: [String] = []
        var block: [String] = []
        func flush() {
            defer { block = [] }
            guard !block.isEmpty else { return }
            let wrapped = isHardWrapped(block)
            var current = block[0]
            for line in block.dropFirst() {
                if joins(current, line, hardWrapped: wrapped) {
                    current += " " + line
                } else {
                    result.append(current)
                    current = line
                }
            }
            result.append(current)
        }
        for line in lines {
            if line.isEmpty { flush() } else { block.append(line) }
        }
        flush()
        return result.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
    }

    /// Whether a block's lines look wrapped at a fixed width: most lines but the last are 50–100
    /// characters long.
    static func isHardWrapped(_ block: [String]) -> Bool {
        guard block.count >= 2 else { return false }
        let body = block.dropLast()
        let wrappedLines = body.count { (45...100).contains($0.count) }
        return wrappedLines * 10 >= body.count * 7
    }

    /// Whether `next` continues the paragraph that ends with `line`.
    static func joins(_ line: String, _ next: String, hardWrapped: Bool) -> Bool {
        guard let last = line.last, let first = next.first else { return false }
        if ArticleHeaderLines.bylineName(next) != nil || FurnitureText.isFurniture(next) { return false }
        // A byline and the dateline under it are lines of their own.
        if ArticleHeaderLines.isDateline(next) || ArticleHeaderLines.isDateline(line) || ArticleHeaderLines.bylineName(line) != nil { return false }
        if ["•", "-", "*", "–", "—"].contains(first) { return false }
        if first.isLowercase { return true }
        guard hardWrapped else { return false }
        let terminal: Set<Character> = [".", "!", "?", ":", "\"", "”", "’", ")", "…"]
        return !(terminal.contains(last) && line.count < 45)
    }

    /// Removes the headline and the navigation lines above it, returning the headline.
    ///
    /// The headline is the line just above a "By ..." line near the top, or else the first line
    /// of three or more words that reads as a headline.
    static func takeHeadline(from paragraphs: inout [String]) -> String? {
        let top = paragraphs.prefix(60)
        // Datelines may stand between the headline and the byline.
        func above(_ index: Int) -> Int {
            var at = index - 1
            while at > 0, ArticleHeaderLines.isDateline(paragraphs[at]) { at -= 1 }
            return at
        }
        // A long lead or standfirst that ends as a sentence may stand between them too.
        if let bylineIndex = top.indices.first(where: {
            $0 > 1 && above($0) > 0 && ArticleHeaderLines.opensByline(paragraphs, at: $0) && !looksLikeHeadline(paragraphs[above($0)])
                && looksLikeHeadline(paragraphs[above($0) - 1]) && isLongStandfirst(paragraphs[above($0)])
        }) {
            let title = paragraphs[above(bylineIndex) - 1]
            paragraphs.removeFirst(above(bylineIndex))
            return title
        }
        if let bylineIndex = top.indices.first(where: {
            $0 > 0 && ArticleHeaderLines.opensByline(paragraphs, at: $0) && looksLikeHeadline(paragraphs[above($0)])
        }) {
            let headline = above(bylineIndex)
            if headline < bylineIndex - 1 {
                let title = paragraphs[headline]
                paragraphs.removeFirst(headline + 1)
                return title
            }
            // A standfirst between the headline and the byline (longer than the headline above it,
            // and not a long finished sentence) is the article's first paragraph.
            if bylineIndex > 1, looksLikeHeadline(paragraphs[bylineIndex - 2]),
                isStandfirst(paragraphs[bylineIndex - 1], under: paragraphs[bylineIndex - 2])
            {
                let title = paragraphs[bylineIndex - 2]
                paragraphs.removeFirst(bylineIndex - 1)
                return title
            }
            let title = paragraphs[bylineIndex - 1]
            paragraphs.removeFirst(bylineIndex)
            return title
        }
        var index = 0
        while index < min(paragraphs.count, 6), paragraphs[index].split(separator: " ").count <= 2 { index += 1 }
        guard index < paragraphs.count - 1, looksLikeHeadline(paragraphs[index]) else { return nil }
        let title = paragraphs[index]
        paragraphs.removeFirst(index + 1)
        return title
    }

    /// Whether `line` under `headline` is the story's standfirst: the headline has six words or
    /// more and is no dateline, and the line is longer and either does not end as a sentence or
    /// is a short one (a lead paragraph is longer).
    static func isStandfirst(_ line: String, under headline: String) -> Bool {
        let headlineWords = headline.split(separator: " ").count
        let words = line.split(separator: " ").count
        guard headlineWords >= 6, words > headlineWords, let last = line.last, !ArticleHeaderLines.isDateline(headline),
            let headlineLast = headline.last, !".!?\"”".contains(headlineLast)
        else { return false }
        return !".!?\"”".contains(last) || words <= 15
    }

    /// A paragraph of one to three sentences, at most 45 words: what may stand between a headline
    /// and its byline.
    static func isLongStandfirst(_ line: String) -> Bool {
        let words = line.split(separator: " ").count
        return (8...45).contains(words) && !FurnitureText.isFurniture(line)
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
        if [
            "comments", "reader comments", "readers' comments", "join the conversation", "discussion",
            "what readers say", "responses", "comments are open", "reactions", "reader reactions", "conversation", "top comments",
            "have your say", "join the debate", "your comments", "your say", "discussion about this post", "join the chat",
            "reader feedback", "readers' feedback", "talkback",
            "discussion about this article", "discussion about this story",
        ].contains(lower) {
            return true
        }
        let digits = lower.filter(\.isNumber)
        let letters = lower.filter { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces)
        let nouns = [
            "comments", "comment", "responses", "response", "replies", "show comments", "view comments",
            "see comments", "all comments", "reader comments", "reactions", "reaction", "what readers say", "readers' comments",
            "discussion", "conversation", "top comments", "join the chat", "reader feedback", "talkback",
        ]
        if !digits.isEmpty || lower.hasPrefix("no ") {
            let stripped = letters.hasPrefix("no ") ? String(letters.dropFirst(3)) : letters
            return nouns.contains(stripped)
        }
        return false
    }

    static func comments(from lines: [String]) -> [Comment] {
        let section = lines.filter { !isCommentChrome($0.trimmingCharacters(in: .whitespaces)) }
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
            "oldest first", "top first", "most liked first",
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
        for day in ["yesterday at ", "today at ", "yesterday, ", "today, "] where lower.hasPrefix(day) {
            return looksLikeTime(String(lower.dropFirst(day.count)))
        }
        if DateNormalizer.iso8601(text) != nil || DateNormalizer.isAmbiguousNumericDate(text) { return true }
        let parts = lower.split(separator: ":")
        return parts.count == 2 && parts.allSatisfy { $0.prefix(2).allSatisfy(\.isNumber) } && lower.count <= 8
    }
}
