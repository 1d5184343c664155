/// How a reply names the comment it answers: a `data-…-parent` attribute, an "in reply to" link,
/// or its place in a list of replies after its parent.
extension HTMLCommentExtractor {
    /// The comment a reply answers when the page puts replies in a list after their parent rather
    /// than inside it (`<article class=comment>…</article><ul class=replies><li><article …>`): the
    /// comment element just before a container the reply stands in, at most three levels up.
    func commentBeforeReplies(holding item: Int, among items: Set<Int>) -> Int? {
        var node = item
        for _ in 0..<3 {
            let container = document[node].parent
            guard container >= 0 else { return nil }
            let holder = document[container].parent
            guard holder >= 0 else { return nil }
            let siblings = document[holder].children.filter { !document[$0].isText }
            if let position = siblings.firstIndex(of: container), position > 0, items.contains(siblings[position - 1]) {
                return siblings[position - 1]
            }
            node = container
        }
        return nil
    }

    func parentAttribute(of item: Int) -> String? {
        let node = document[item]
        // `data-parent`, `data-parent-id`, `data-reply-to`, a widget's own `data-plv-parent`.
        for attribute in node.attributes where attribute.name.hasPrefix("data-") && !attribute.value.isEmpty && attribute.value != "0" {
            if Self.parentAttributeEndings.contains(where: attribute.name.hasSuffix) { return attribute.value }
        }
        // Microformats: `<a class="u-in-reply-to" href="#c2">`, or `rel="in-reply-to"`; a link to
        // the parent that says so in its title or just before it ("In reply to <a href=#c2>Name</a>").
        for index in document.descendants(of: item) where document[index].tag == "a" {
            let link = document[index]
            guard let href = link.attribute("href"), href.hasPrefix("#"), href.count > 1 else { continue }
            let said = [link.attribute("class"), link.attribute("rel"), link.attribute("title"), textBefore(index)]
                .compactMap { $0?.lowercased() }
            guard said.contains(where: { $0.contains("in-reply-to") || $0.contains("in reply to") || $0.contains("replying to") }) else { continue }
            return String(href.dropFirst())
        }
        return nil
    }

    /// How the names of attributes that hold a reply's parent end.
    static let parentAttributeEndings = ["-parent", "-parent-id", "-parentid", "-reply-to", "-in-reply-to", "-replyto"]

    /// The text of the link's parent element before the link, when short ("In reply to ").
    private func textBefore(_ link: Int) -> String? {
        let parent = document[link].parent
        guard parent >= 0, let position = document[parent].children.firstIndex(of: link) else { return nil }
        let before = document[parent].children[..<position].map { document.text(of: $0) }.joined(separator: " ")
        return before.count <= 40 ? before : nil
    }
}
