extension HTMLDocument {
    /// The node at `index`.
    public subscript(index: Int) -> Node { nodes[index] }

    /// The descendants of `index` (not including it) in document order.
    public func descendants(of index: Int) -> [Int] {
        var result: [Int] = []
        var stack = nodes[index].children.reversed() as [Int]
        while let current = stack.popLast() {
            result.append(current)
            stack.append(contentsOf: nodes[current].children.reversed())
        }
        return result
    }

    /// The descendant elements of `index` with tag `tag`, in document order.
    public func elements(_ tag: String, in index: Int = 0) -> [Int] {
        descendants(of: index).filter { nodes[$0].tag == tag }
    }

    /// The ancestors of `index`, nearest first.
    public func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = nodes[index].parent
        while current >= 0 {
            result.append(current)
            current = nodes[current].parent
        }
        return result
    }

    /// Whether `ancestor` is `index` or one of its ancestors.
    public func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        var current = index
        while current >= 0 {
            if current == ancestor { return true }
            current = nodes[current].parent
        }
        return false
    }

    /// The raw text of `index` and its descendants, concatenated.
    public func rawText(of index: Int) -> String {
        if nodes[index].isText { return nodes[index].text }
        var result = ""
        for node in descendants(of: index) where nodes[node].isText { result += nodes[node].text }
        return result
    }

    /// The text of `index` with runs of white space collapsed to one space and trimmed.
    ///
    /// Block elements and `<br>` separate words, so `<p>a</p><p>b</p>` reads "a b".
    public func text(of index: Int, skipping excluded: Set<Int> = []) -> String {
        var stack = [index]
        var output = ""
        while let current = stack.popLast() {
            if current < 0 { output += " "; continue }
            if excluded.contains(current) { continue }
            let node = nodes[current]
            if node.isText {
                output += node.text
                continue
            }
            if HTMLTags.ignored.contains(node.tag) { continue }
            if node.tag == "br" { output += " "; continue }
            let block = HTMLTags.block.contains(node.tag)
            if block { stack.append(-1) }
            stack.append(contentsOf: node.children.reversed())
            if block { output += " " }
        }
        return output.collapsingWhitespace
    }

    /// The `class` and `id` of an element, lower-cased and joined by a space.
    public func classAndID(of index: Int) -> String {
        let node = nodes[index]
        let cls = Self.expandingAbbreviations(node.attribute("class") ?? "")
        let id = node.attribute("id") ?? ""
        if cls.isEmpty { return id.lowercased() }
        if id.isEmpty { return cls.lowercased() }
        return (cls + " " + id).lowercased()
    }

    /// The class names of an element, lower-cased.
    public func classes(of index: Int) -> [Substring] {
        Self.expandingAbbreviations(nodes[index].attribute("class") ?? "").lowercased().split(whereSeparator: { $0.isWhitespace })
            .map { Substring($0) }
    }

    /// Class names with a comment widget's abbreviation written out: "cmt-item" reads as
    /// "comment-item", "cmt" as "comment".
    static func expandingAbbreviations(_ classes: String) -> String {
        guard classes.lowercased().contains("cmt") else { return classes }
        return classes.split(whereSeparator: { $0.isWhitespace }).map { token -> String in
            let lower = token.lowercased()
            if lower == "cmt" { return "comment" }
            if lower.hasPrefix("cmt-") || lower.hasPrefix("cmt_") { return "comment" + token.dropFirst(3) }
            return String(token)
        }.joined(separator: " ")
    }
}

/// Tag sets that extraction relies on.
enum HTMLTags {
    /// Elements whose content is never text of the page.
    static let ignored: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
        "video", "audio", "source", "track", "map", "head", "title", "meta", "link", "select", "option",
        "textarea", "input", "button",
    ]

    /// Elements that break a line of text.
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "frameset", "frame",
    ]

    /// Headings, which are not body paragraphs.
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "hgroup"]
}
