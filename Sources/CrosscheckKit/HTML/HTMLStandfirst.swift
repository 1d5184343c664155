/// The standfirst printed under a page's headline (`<p class="dek">`, "standfirst", "subtitle",
/// "summary"): the article's first paragraph, as in copied text, though it stands outside the
/// body's container.
enum HTMLStandfirst {
    static let classWords: Set<String> = [
        "dek", "deck", "standfirst", "strapline", "subtitle", "subhead", "subheadline", "summary", "lede", "lead", "sub", "intro",
    ]

    /// The standfirst's text: the first element after the page's first `<h1>`, among its next
    /// siblings, that is a `<p>` or `<div>` whose class names a standfirst.
    static func text(in document: HTMLDocument) -> String? {
        guard let headline = document.elements("h1").first else { return nil }
        let parent = document[headline].parent
        guard parent >= 0, let position = document[parent].children.firstIndex(of: headline) else { return nil }
        for sibling in document[parent].children[(position + 1)...].prefix(3) where !document[sibling].isText {
            let node = document[sibling]
            guard ["p", "div", "h2"].contains(node.tag) else { continue }
            let words = document.classes(of: sibling).flatMap { $0.split(whereSeparator: { $0 == "-" || $0 == "_" }) }.map { $0.lowercased() }
            guard words.contains(where: classWords.contains) else { continue }
            let text = document.text(of: sibling).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return text.isEmpty ? nil : text
        }
        return nil
    }
}
