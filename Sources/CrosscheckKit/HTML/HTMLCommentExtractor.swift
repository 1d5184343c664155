internal import Foundation

/// Finds a page's comment section and reads each comment: id, author, time, text and parent.
///
/// Recognises schema.org `Comment`/`UserComments` microdata, WordPress-style comment lists
/// (`li.comment`, `id="comment-101"`), and any container whose class or id names comments, whose
/// repeated children are then taken as the comments. Replies are comments nested inside others, or
/// carry a `data-parent`-style attribute. A page that names none of this is read by its heading
/// ("3 comments") and the text under it, as a copied comment section is.
struct HTMLCommentExtractor {
    let document: HTMLDocument

    /// The comments in page order and the nodes they occupy, which body extraction must skip.
    func extract() -> (comments: [Comment], nodes: Set<Int>) {
        var items = markedItems()
        var section: Set<Int> = []
        if items.isEmpty { items = repeatedItemsInContainers() }
        if items.isEmpty, let headed = timedItemsUnderHeading() { (items, section) = headed }
        guard !items.isEmpty else { return sectionUnderHeading() ?? ([], []) }
        // An element that holds every other one ("coral coral-stream" around "coral coral-comment"s)
        // is the section, not a comment.
        if items.count >= 3 {
            items = items.filter { item in
                let inside = Set(document.descendants(of: item))
                return !items.allSatisfy { $0 == item || inside.contains($0) }
            }
        }
        let itemSet = Set(items)

        var ids: [Int: String] = [:]
        var used: Set<String> = []
        var counter = 0
        for item in items {
            counter += 1
            let node = document[item]
            var id = node.attribute("id") ?? node.attribute("data-comment-id") ?? node.attribute("data-id")
            if let current = id, current.isEmpty || used.contains(current) { id = nil }
            let resolved = id ?? "c\(counter)"
            ids[item] = resolved
            used.insert(resolved)
        }

        // `data-parent-id="9101"` names the comment whose `data-comment-id` is 9101 (its id may be "c9101").
        var byNumber: [String: String] = [:]
        for item in items {
            // `data-comment-id`, `data-id`, a widget's own `data-plv-id`.
            for attribute in document[item].attributes
            where attribute.name.hasPrefix("data-") && attribute.name.hasSuffix("id")
                && !["user", "author", "parent", "reply", "thread", "article", "page"].contains(where: attribute.name.contains)
            {
                if !attribute.value.isEmpty, byNumber[attribute.value] == nil { byNumber[attribute.value] = ids[item] }
            }
        }
        var comments: [Comment] = []
        for item in items {
            let nested = Set(document.descendants(of: item).filter { itemSet.contains($0) })
            let author = author(of: item, skipping: nested)
            let time = time(of: item, skipping: nested)
            let text = text(of: item, skipping: nested, author: author?.node, time: time?.node)
            guard !text.isEmpty else { continue }
            var parent: String?
            if let ancestor = document.ancestors(of: item).first(where: { itemSet.contains($0) }) {
                parent = ids[ancestor]
            } else if let reference = parentAttribute(of: item) {
                parent = byNumber[reference] ?? ids.values.first { $0 == reference || $0 == "comment-\(reference)" }
            } else if let above = commentBeforeReplies(holding: item, among: itemSet) {
                parent = ids[above]
            }
            comments.append(
                Comment(
                    id: ids[item]!, author: author?.name, time: DateNormalizer.normalizedOrRaw(time?.value),
                    text: text, parent: parent))
        }
        var nodes = section
        for item in items {
            nodes.insert(item)
        }
        // The section the comments stand in (its heading, notes, sort links and form) is not the
        // article either.
        if let section = enclosingSection(of: items) {
            nodes.insert(section)
            nodes.formUnion(document.descendants(of: section))
        }
        // Repeated blocks where no comment has an author may be the rows of a layout table; the
        // text under a comment heading, read line by line, can do better.
        if comments.allSatisfy({ $0.author == nil }), let section = sectionUnderHeading(), section.comments.contains(where: { $0.author != nil }) {
            return (section.comments, section.nodes.union(nodes))
        }
        return (comments, nodes)
    }

    /// The nearest element around all `items` whose class or id names a comment section, unless
    /// it also holds the headline.
    private func enclosingSection(of items: [Int]) -> Int? {
        guard let first = items.first else { return nil }
        for ancestor in document.ancestors(of: first) {
            let node = document[ancestor]
            guard !node.isText, !["body", "html", "main", "article"].contains(node.tag) else { return nil }
            // Named as comments, or headed as a thread ("Join the chat (18)" in its own heading).
            let headed = node.children.contains { child in
                ["h2", "h3", "h4"].contains(document[child].tag) && PlainTextExtractor.isCommentHeading(document.text(of: child))
            }
            guard headed || Self.namesCommentSection(document.classAndID(of: ancestor)) else { continue }
            let inside = Set(document.descendants(of: ancestor))
            guard items.allSatisfy(inside.contains), !inside.contains(where: { document[$0].tag == "h1" }) else { return nil }
            return ancestor
        }
        return nil
    }

    // MARK: Finding the comments

    /// Elements marked as comments by microdata, WordPress classes or `comment-N` ids.
    private func markedItems() -> [Int] {
        var result: [Int] = []
        let prefixed = prefixedCommentClasses()
        for index in document.descendants(of: document.root) {
            let node = document[index]
            guard !node.isText, node.tag != "body", node.tag != "html" else { continue }
            if let type = node.attribute("itemtype")?.lowercased(),
                type.hasSuffix("/comment") || type.hasSuffix("/usercomments")
            {
                result.append(index)
                continue
            }
            guard ["li", "article", "div", "section"].contains(node.tag) else { continue }
            guard node.attribute("class") != nil || node.attribute("id") != nil else { continue }
            let classes = document.classes(of: index)
            if classes.contains(where: { Self.itemClasses.contains(String($0)) || prefixed.contains(String($0)) }) {
                result.append(index)
                continue
            }
            if let id = node.attribute("id")?.lowercased(), Self.isCommentID(id) {
                result.append(index)
                continue
            }
            // Disqus: `<li class="post" id="post-6412290101">`.
            if node.tag == "li", classes.contains("post"), let id = node.attribute("id"), id.hasPrefix("post-"),
                id.dropFirst(5).allSatisfy(\.isNumber), id.count > 5
            {
                result.append(index)
            }
        }
        return result
    }

    /// Classes that name a comment behind a widget's own prefix (`tb-comment`, `xyz_comment`), given
    /// to at least two elements: a comment repeats, a "post-comment" form does not.
    private func prefixedCommentClasses() -> Set<String> {
        var counts: [String: Int] = [:]
        for index in document.descendants(of: document.root) where !document[index].isText {
            for name in document.classes(of: index) where Self.isPrefixedCommentClass(name) {
                counts[String(name), default: 0] += 1
            }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// `tb-comment`, `xyz_comment`: a prefix, then "comment" as the last part (not a BEM element
    /// like `tb-comment__body` or a modifier like `tb-comment--reply`).
    static func isPrefixedCommentClass(_ name: Substring) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix("-comment") || lower.hasSuffix("_comment"), !lower.hasSuffix("__comment") else { return false }
        let prefix = lower.dropLast("-comment".count)
        return !prefix.isEmpty && !prefix.contains("--") && !["post", "add", "new", "no", "leave", "write"].contains(where: prefix.hasSuffix)
    }

    private static let itemClasses: Set<String> = [
        "comment", "comment-item", "comment-entry", "commentitem", "comment_item", "single-comment",
        "user-comment", "reader-comment", "js-comment", "c-comment", "comments__item", "comment-list__item",
        "comment-thread__item",
    ]

    /// `comment-101`, `comment_7`, `comment42`.
    static func isCommentID(_ id: String) -> Bool {
        guard id.hasPrefix("comment") else { return false }
        let rest = id.dropFirst("comment".count).drop { $0 == "-" || $0 == "_" }
        return !rest.isEmpty && rest.allSatisfy(\.isNumber)
    }

    /// Whether a class or id names a comment section.
    static func namesCommentSection(_ names: String) -> Bool {
        for token in names.split(whereSeparator: { $0.isWhitespace }) {
            let token = token.lowercased()
            if token.contains("disqus") || token == "discussion" || token == "responses" || token == "replies" {
                return true
            }
            guard token.contains("comment") else { continue }
            if ["commentar", "count", "form", "link", "button", "respond", "closed", "policy", "guidelines", "cta"]
                .contains(where: token.contains)
            {
                continue
            }
            return true
        }
        return false
    }

    /// The repeated children of containers whose class or id names comments.
    private func repeatedItemsInContainers() -> [Int] {
        var containers: [Int] = []
        for index in document.descendants(of: document.root) {
            let node = document[index]
            guard !node.isText, node.tag != "body", node.tag != "html" else { continue }
            guard Self.namesCommentSection(document.classAndID(of: index)) else { continue }
            if containers.contains(where: { document.isInside(index, $0) }) { continue }
            containers.append(index)
        }
        var result: [Int] = []
        for container in containers {
            guard let signature = itemSignature(in: container) else { continue }
            result += document.descendants(of: container).filter { signatureOf($0) == signature }
        }
        return result
    }

    /// Descends through wrappers until a level has repeated children, and returns their shape.
    private func itemSignature(in container: Int) -> String? {
        var level = [container]
        for _ in 0..<6 {
            var groups: [String: Int] = [:]
            var next: [Int] = []
            for parent in level {
                for child in document[parent].children where !document[child].isText {
                    let tag = document[child].tag
                    if HTMLTags.headings.contains(tag)
                        || ["form", "button", "script", "style", "a", "span", "p"]
                            .contains(tag)
                    {
                        continue
                    }
                    next.append(child)
                    // A row of buttons or sign-in services ("D", "f", "X") is no comment: a shape
                    // counts by children that hold a few words.
                    guard document.text(of: child).roughWordCount >= 4 else { continue }
                    groups[signatureOf(child), default: 0] += 1
                }
            }
            if let best = groups.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                best.value >= 2
            {
                return best.key
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }

    func signature(of index: Int) -> String { signatureOf(index) }

    private func signatureOf(_ index: Int) -> String {
        let node = document[index]
        guard !node.isText else { return "" }
        let first = document.classes(of: index).first.map(String.init) ?? ""
        return node.tag + "." + first
    }

    // MARK: Reading one comment

    private func author(of item: Int, skipping nested: Set<Int>) -> (name: String, node: Int)? {
        for index in descendants(of: item, skipping: nested) {
            let node = document[index]
            guard !node.isText else { continue }
            var candidate: Int?
            if node.attribute("itemprop")?.lowercased() == "author" || node.attribute("itemprop") == "creator" {
                candidate =
                    document.descendants(of: index).first { document[$0].attribute("itemprop") == "name" }
                    ?? index
            } else if node.tag == "cite" || node.attribute("rel")?.lowercased() == "author" {
                candidate = index
            } else if namesAuthor(index) {
                // The innermost such element: "<div class=author><strong class=name>Sam Whitlock</strong>,
                // <span class=role>Pharmacy technician</span></div>" names Sam Whitlock.
                candidate = document.descendants(of: index).first { !document[$0].isText && namesAuthor($0) } ?? index
            }
            guard let candidate else { continue }
            var name = document.text(of: candidate)
            if name.isEmpty { continue }
            for suffix in [" says:", " said:", " says", ":"] where name.hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
            }
            name = CommentSectionSplitter.withoutVerification(name.trimmingCharacters(in: .whitespaces))
            if !name.isEmpty, name.count <= 80 { return (name, index) }
        }
        // A site that names nothing often sets the author in bold at the head of the comment.
        for index in descendants(of: item, skipping: nested) where ["strong", "b"].contains(document[index].tag) {
            let name = document.text(of: index).trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.looksLikeName(name) || CommentSectionSplitter.isHandle(name) { return (name, index) }
            break
        }
        return nil
    }

    private func namesAuthor(_ index: Int) -> Bool {
        let node = document[index]
        let tokens = Self.nameTokens([node.attribute("class"), node.attribute("id")].compactMap { $0 }.joined(separator: " "))
        // "comment-badge--author" is the "Author" badge beside the name, not the name.
        if tokens.contains("badge") { return false }
        return Self.authorWords.contains { word in tokens.contains { $0 == word } }
    }

    /// The words of class names and ids, split at "-", "_" and inner capitals ("commentAuthor" →
    /// "comment", "author"), lower-cased.
    static func nameTokens(_ names: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var previous: Character?
        for character in names {
            if character == " " || character == "-" || character == "_" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                if character.isUppercase, let previous, previous.isLowercase, !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
            }
            previous = character
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static let authorWords: [Substring] = [
        "author", "username", "user", "name", "fn", "nickname", "handle", "commenter", "screenname", "byline",
        "avatar-name", "display", "who", "poster", "nick",
    ]

    func time(of item: Int, skipping nested: Set<Int>) -> (value: String, node: Int)? {
        for index in descendants(of: item, skipping: nested) {
            let node = document[index]
            guard !node.isText else { continue }
            let itemprop = node.attribute("itemprop")?.lowercased() ?? ""
            if node.tag == "time" || ["datecreated", "datepublished", "commenttime", "uploaddate"].contains(itemprop) {
                let value = node.attribute("datetime") ?? node.attribute("content") ?? document.text(of: index)
                if !value.isEmpty { return (value, index) }
            }
        }
        for index in descendants(of: item, skipping: nested) where !document[index].isText {
            let tokens = document.classAndID(of: index).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            if tokens.contains(where: { ["date", "time", "timestamp", "posted", "when", "ago", "timeago", "age"].contains($0) }) {
                let value = document[index].attribute("title") ?? document.text(of: index)
                // A bullet beside the time ("•" in `time-ago-bullet`) is not it.
                if value.contains(where: { $0.isLetter || $0.isNumber }), value.count < 60 { return (value, index) }
            }
        }
        // A small element that holds nothing but a time ("2h", "3 hours ago", "Mar 3, 2026").
        for index in descendants(of: item, skipping: nested) where !document[index].isText && index != item {
            guard document[index].children.allSatisfy({ document[$0].isText }) else { continue }
            let value = document.text(of: index).trimmingCharacters(in: .whitespaces)
            if !value.isEmpty, value.count <= 30, CommentSectionSplitter.isTime(value) { return (value.trimmingDecorations, index) }
        }
        return nil
    }

    private func text(of item: Int, skipping nested: Set<Int>, author: Int?, time: Int?) -> String {
        let candidates = descendants(of: item, skipping: nested)
        // 1. Microdata text, or a content element named as such.
        for index in candidates where !document[index].isText {
            let itemprop = document[index].attribute("itemprop")?.lowercased() ?? ""
            if ["text", "commenttext", "articlebody", "description"].contains(itemprop) {
                return paragraphs(in: index, skipping: nested)
            }
        }
        func namesContent(_ index: Int) -> Bool {
            guard !document[index].isText, document[index].attribute("class") != nil || document[index].attribute("id") != nil else {
                return false
            }
            let names = document.classAndID(of: index)
            return !names.contains("meta") && names.split(separator: " ").contains(where: Self.isContentToken)
        }
        let contentNodes = candidates.filter(namesContent)
        for index in contentNodes {
            // The innermost: a "comment__body" around the avatar, author and "comment__content" is not the text.
            let inner = Set(document.descendants(of: index))
            if contentNodes.contains(where: inner.contains) { continue }
            let text = paragraphs(in: index, skipping: nested.union([author, time].compactMap { $0 }))
            if !text.isEmpty { return text }
        }
        // 2. Everything in the item but its author, time, replies and action links.
        var skip = nested
        if let author { skip.insert(author) }
        if let time { skip.insert(time) }
        for index in candidates where !document[index].isText {
            let node = document[index]
            let names = document.classAndID(of: index)
            if node.tag == "a", CommentSectionSplitter.isActions(document.text(of: index).trimmingCharacters(in: .whitespaces)) {
                skip.insert(index)
                continue
            }
            if ["button", "form", "footer", "header", "nav", "img", "svg"].contains(node.tag)
                || ["reply", "meta", "actions", "vote", "like", "share", "report", "avatar", "toolbar"].contains(where: {
                    names.contains($0)
                })
            {
                skip.insert(index)
            }
        }
        return paragraphs(in: item, skipping: skip)
    }

    /// A class or id that names a comment's text: `comment-content`, `message`, `c-comment__body`.
    static func isContentToken(_ token: Substring) -> Bool {
        if contentTokens.contains(String(token)) { return true }
        guard let dash = token.lastIndex(where: { $0 == "-" || $0 == "_" }) else { return false }
        return ["content", "text", "body", "message"].contains(String(token[token.index(after: dash)...]))
    }

    static let contentTokens: Set<String> = [
        "comment-content", "comment-text", "comment-body-text", "comment__body", "comment__text", "comment-message",
        "message", "content", "text", "body",
    ]

    /// The text of `index` split at its `<p>` elements, paragraphs joined by two newlines.
    func paragraphs(in index: Int, skipping skip: Set<Int>) -> String {
        var blocks: [String] = []
        var run = ""
        func flush() {
            let text = run.collapsingWhitespace
            if !text.isEmpty, !FurnitureText.isReplyWidget(text), !CommentSectionSplitter.isActions(text) { blocks.append(text) }
            run = ""
        }
        var stack: [(Int, Bool)] = [(index, false)]
        while let (current, closing) = stack.popLast() {
            if closing { flush(); continue }
            if current != index, skip.contains(current) { continue }
            let node = document[current]
            if node.isText { run += node.text; continue }
            if HTMLTags.ignored.contains(node.tag) { continue }
            if node.tag == "br" { run += " "; continue }
            let block = HTMLTags.block.contains(node.tag)
            if block { flush(); stack.append((current, true)) }
            for child in node.children.reversed() { stack.append((child, false)) }
        }
        flush()
        return blocks.joined(separator: "\n\n")
    }

    private func descendants(of item: Int, skipping nested: Set<Int>) -> [Int] {
        var result: [Int] = []
        var stack = document[item].children.reversed() as [Int]
        while let current = stack.popLast() {
            if nested.contains(current) { continue }
            result.append(current)
            stack.append(contentsOf: document[current].children.reversed())
        }
        return result
    }
}
