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
        let blocks = Self.paragraphs(
            from: Self.withoutLinkLists(Self.withoutPromoBlocks(Self.withoutCaptions(Self.withoutAppeals(Self.withoutWidgetBoxes(lines))))))
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
        byline = byline.map { ArticleHeaderLines.withoutMasthead($0, pageLines: lines) }
        // Topic links under the story go first, so a bio box above them is the story's end.
        paragraphs = Self.withoutTrailingHeadings(
            EndCredits.removing(
                from: PullQuotes.removingBio(from: Self.withoutTrailingHeadings(PullQuotes.removing(from: paragraphs)), byline: byline)))
        return Article(
            url: url, title: title, byline: byline, published: published, paragraphs: paragraphs,
            comments: Self.comments(from: commentLines))
    }

    // MARK: Paragraphs

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
    /// characters long, in three lines or more (two lines are as often a headline over its
    /// standfirst).
    static func isHardWrapped(_ block: [String]) -> Bool {
        guard block.count >= 3 else { return false }
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
        // "Skip to main content" / "r/Ashworth": a short line over one word is a menu, not a wrap.
        if line.count < 45, !next.contains(" ") { return false }
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
        // "Tahlia Morcombe" over "By Tahlia Morcombe" or over "Tahlia Morcombe": the writer's
        // picture, named, above the byline.
        if let twice = paragraphs.prefix(60).indices.first(where: { index in
            guard index + 1 < paragraphs.count, ArticleHeaderLines.isPersonName(paragraphs[index]) else { return false }
            if ArticleHeaderLines.bylineName(paragraphs[index + 1]) == paragraphs[index] { return true }
            // The name twice is a writer's only over their role or the dateline (a section named
            // twice is not).
            guard index + 2 < paragraphs.count, paragraphs[index + 1] == paragraphs[index] else { return false }
            return ArticleHeaderLines.isRole(paragraphs[index + 2]) || ArticleHeaderLines.isDateline(paragraphs[index + 2])
        }) {
            paragraphs.remove(at: twice)
        }
        let top = paragraphs.prefix(60)
        // Datelines may stand between the headline and the byline.
        // Datelines, and a summary in bullet points, may stand between the headline and the byline.
        func above(_ index: Int) -> Int {
            var at = index - 1
            while at > 0, ArticleHeaderLines.isDateline(paragraphs[at]) || isBullet(paragraphs[at]) { at -= 1 }
            return at
        }
        // A forum post: "Posted by u/name" and its date above the title, which the links go under.
        if let posted = top.indices.first(where: { isPostedBy(paragraphs[$0]) }) {
            var at = posted + 1
            while at < paragraphs.count - 1, ArticleHeaderLines.isDateline(paragraphs[at]) { at += 1 }
            if at > posted + 1, at < paragraphs.count - 1, looksLikeHeadline(paragraphs[at]) {
                let title = paragraphs[at]
                paragraphs = Array(paragraphs[posted..<at]) + Array(paragraphs[(at + 1)...])
                return title
            }
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
                while let first = paragraphs.first, isBullet(first) { paragraphs.removeFirst() }
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

    /// "Posted by u/localnews", "Posted by Jo Tan": a forum post's author line.
    static func isPostedBy(_ line: String) -> Bool {
        line.hasPrefix("Posted by ") && (3...5).contains(line.split(separator: " ").count) && !".!?".contains(line.last ?? " ")
    }

    /// Whether `line` under `headline` is the story's standfirst: the headline has six words or
    /// more and is no dateline, and the line is longer and either does not end as a sentence or
    /// is a short one (a lead paragraph is longer).
    /// "• Inspectors found mouse droppings in three areas": a point of a summary under the headline.
    static func isBullet(_ line: String) -> Bool {
        ["• ", "▪ ", "■ ", "► "].contains(where: line.hasPrefix)
    }

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
}
