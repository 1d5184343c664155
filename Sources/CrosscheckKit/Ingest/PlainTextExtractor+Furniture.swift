internal import Foundation

/// Page furniture that copied text carries in blocks of lines: widget boxes, captions with their
/// credits, promotion boxes and lists of other stories.
extension PlainTextExtractor {
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
            // "Image caption," on a line of its own labels the line under it.
            if index > 0, isCaptionLabel(lines[index - 1]) { return nil }
            // A caption printed twice, the second time with its credit run on.
            if index + 1 < lines.count, isCaptionAgainWithCredit(line, lines[index + 1]) { return nil }
            if index > 0, isCaptionAgainWithCredit(lines[index - 1], line) { return nil }
            // The caption and its credit stand as a block of their own, blank lines around them;
            // a credit that says what it is ("Image: …") needs only the blank line after it.
            let closed = index + 2 >= lines.count || lines[index + 2].isEmpty
            let labelled = index + 1 < lines.count && FurnitureText.isLabelledPhotoCredit(lines[index + 1])
            let alone = (index == 0 || lines[index - 1].isEmpty || labelled) && closed
            let captions =
                alone && index + 1 < lines.count && FurnitureText.isPhotoCredit(lines[index + 1]) && !line.isEmpty
                && line.split(separator: " ").count <= 30 && !FurnitureText.isPhotoCredit(line)
                && !line.contains("\"") && !line.contains("“")
            return captions ? nil : line
        }
    }

    /// "Staff leaving the site" over "Staff leaving the site(Image: Evening Post)": the same caption
    /// twice (as a screen reader's text and as shown), the second with its credit.
    static func isCaptionAgainWithCredit(_ line: String, _ next: String) -> Bool {
        guard !line.isEmpty, next.count > line.count, next.hasPrefix(line) else { return false }
        let credit = next.dropFirst(line.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard credit.hasPrefix("("), credit.hasSuffix(")"), credit.roughWordCount <= 12 else { return false }
        return ["(image", "(photo", "(picture", "(pic", "(credit"].contains { credit.hasPrefix($0) } || credit.contains("/")
    }

    /// A line of ten words or more that ends as a sentence ends: a paragraph of the story, not a widget.
    static func isSentence(_ line: String) -> Bool {
        line.roughWordCount >= 10 && line.last.map { ".!?\"”".contains($0) } == true
    }

    /// "Image caption,", "Media caption", "Caption:": a label a screen reader reads before a caption.
    static func isCaptionLabel(_ line: String) -> Bool {
        let bare = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ,:."))
        return ["image caption", "media caption", "photo caption", "video caption", "caption"].contains(bare)
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
            // Furniture lines around a paragraph of the story (a list right under its last line) leave it standing.
            // Nor do a byline's dateline and reading time make its block a widget.
            let widgets =
                furniture >= 2 && furniture * 3 >= block.count
                && !block.contains(where: isSentence) && !block.contains(where: { ArticleHeaderLines.bylineName($0) != nil })
            if (2...6).contains(block.count), short || titled, opensPromo || appeal || widgets { return }
            let afterColon = result.last(where: { !$0.isEmpty })?.hasSuffix(":") ?? false
            if isSignUpBox(block) || isAdCopy(block) || isFactBox(block) || isCalloutBox(block) || (!afterColon && isLinkBlock(block)) { return }
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

    /// A box that asks the reader to do something: a short title, its text, and a button that
    /// points on ("Fact Checker" / "Spotted something…? Tell us…" / "Send a correction ›"), two to
    /// four lines with no blank line between. A story's paragraph never ends on such a button.
    static func isCalloutBox(_ block: [String]) -> Bool {
        guard (2...4).contains(block.count), let title = block.first, let button = block.last else { return false }
        // A title may ask ("Spotted a mistake?"); it does not end as a sentence or a clause does.
        let titled = title.split(separator: " ").count <= 5 && title.last.map { !".:,;\"”".contains($0) } == true
        return titled && isArrowButton(button)
    }

    /// "Send a correction ›", "Read the full report →": a short link that points on.
    static func isArrowButton(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, "›»→".contains(last) || trimmed.hasSuffix(" >") else { return false }
        return (1...6).contains(trimmed.dropLast().split(separator: " ").count)
    }

    /// A newsletter box: a line about the newsletter (or opening one) and a lone "Sign up" button,
    /// in two to six lines of any length (its small print runs long).
    static func isSignUpBox(_ block: [String]) -> Bool {
        guard (2...6).contains(block.count),
            block.contains(where: { FurnitureText.isPromoOpening($0) || ["inbox", "newsletter"].contains(where: $0.lowercased().fastContains) })
        else { return false }
        let buttons: Set<String> = ["sign up", "sign up now", "subscribe", "subscribe now", "sign me up", "join", "submit"]
        return block.contains { buttons.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".!>›→ "))) }
    }

    /// An advertisement's copy: a slot line ("ADVERTISEMENT") over one to three short lines that
    /// do not end as sentences ("Reel irrigators – 0% finance until 30 April" / "Find a dealer ›").
    static func isAdCopy(_ block: [String]) -> Bool {
        guard (2...4).contains(block.count) else { return false }
        let slot = block[0].lowercased().trimmingASCII(".:- ").trimmingDecorations
        guard ["advertisement", "advertising", "sponsored", "sponsored content", "promoted", "ad"].contains(slot) else { return false }
        return block.dropFirst().allSatisfy { line in
            line.roughWordCount <= 15 && line.last.map { !".!?\"”".contains($0) } == true
        }
    }

    /// Links to other stories set between paragraphs: two to four lines of three words or more
    /// that read as headlines ("Storm Ilse: What we know so far" / "How to report a power cut").
    static func isLinkBlock(_ block: [String]) -> Bool {
        guard (2...4).contains(block.count), !block.indices.contains(where: { ArticleHeaderLines.opensByline(block, at: $0) }) else { return false }
        return block.allSatisfy { line in
            isListedHeadline(line) && line.roughWordCount >= 3 && line.first?.isUppercase == true && !ArticleHeaderLines.isDateline(line)
                && ArticleHeaderLines.bylineName(line) == nil
        }
    }

    /// A box of facts: a short heading ("AT A GLANCE") over two or more "Label: value" lines.
    static func isFactBox(_ block: [String]) -> Bool {
        guard block.count >= 3, let heading = block.first, heading.roughWordCount <= 5,
            heading.last.map({ !".!?\"”:".contains($0) }) == true
        else { return false }
        return block.dropFirst().allSatisfy { line in
            guard let colon = line.firstIndex(of: ":"), line.roughWordCount <= 10, !line.hasSuffix(".") else { return false }
            let label = line[..<colon].split(separator: " ")
            return (1...5).contains(label.count) && label.first?.first?.isUppercase == true && line[line.index(after: colon)...].hasPrefix(" ")
        }
    }

    /// The lines without a request for money: a line that asks for support right above a button
    /// that takes it ("Support £5/monthly", "Donate"), whatever its length.
    static func withoutAppeals(_ lines: [String]) -> [String] {
        let button = lines.map { line in
            let lower = line.lowercased()
            return line.roughWordCount <= 4
                && ["support £", "support $", "support €", "donate", "contribute", "give now"].contains { lower.hasPrefix($0) }
        }
        return lines.indices.compactMap { index in
            let lower = lines[index].lowercased()
            let asks = ["support", "contribut", "donat"].contains { lower.fastContains($0) }
            return asks && !button[index] && index + 1 < lines.count && button[index + 1] ? nil : lines[index]
        }
    }

    /// The lines without link lists: under a heading such as "Most read", the short lines that
    /// read as other stories' headlines ("1. Storm warning for the north coast"), up to the first
    /// line that does not.
    static func withoutLinkLists(_ lines: [String]) -> [String] {
        // A headline over a standfirst and a byline is the story's, not the list's.
        // By place, not by words: the same headline listed under "Most viewed" is the list's.
        let positions = lines.indices.filter { !lines[$0].isEmpty }
        let nonEmpty = positions.map { lines[$0] }
        var opensStory: Set<Int> = []
        // A name over a role and a biography (the writer's box under the story) opens no story.
        func dated(_ index: Int) -> Bool {
            ArticleHeaderLines.bylineName(nonEmpty[index]) != nil
                || nonEmpty[(index + 1)..<min(nonEmpty.count, index + 3)].contains(where: ArticleHeaderLines.isDateline)
        }
        for index in nonEmpty.indices where ArticleHeaderLines.opensByline(nonEmpty, at: index) && dated(index) {
            for back in 1...2 where index - back >= 0 { opensStory.insert(positions[index - back]) }
        }
        var result: [String] = []
        var inList = false
        var taken = 0
        for (position, line) in lines.enumerated() {
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
                if isListedHeadline(line), !opensStory.contains(position) {
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
        return !".!\"”:;,".contains(last) && words.count <= 18
    }

    /// The paragraphs without a section's heading left at the end with nothing under it ("FAN
    /// ZONE"): up to four words that do not end as a sentence.
    static func withoutTrailingHeadings(_ paragraphs: [String]) -> [String] {
        var result = paragraphs
        while result.count > 1, let last = result.last, last.split(separator: " ").count <= 4, let mark = last.last,
            !".!?\"”’)".contains(mark)
        {
            result.removeLast()
        }
        return result
    }
}
