internal import Foundation

/// A comment section that markup does not name: a heading such as "3 comments" and the blocks
/// after it, read line by line as a comment section copied from a browser is.
extension HTMLCommentExtractor {
    /// The comments under a comment heading, and the nodes they take (the heading and the blocks
    /// after it); `nil` when the page has no such heading or nothing under it reads as comments.
    func sectionUnderHeading() -> (comments: [Comment], nodes: Set<Int>)? {
        for index in document.nodes.indices where isCommentHeading(index) {
            guard let blocks = blocksAfter(index) else { continue }
            let forms = Set(blocks.flatMap { document.descendants(of: $0) + [$0] }.filter { document[$0].tag == "form" })
            let lines = blocks.flatMap { block in
                paragraphs(in: block, skipping: forms).components(separatedBy: "\n\n").filter { !$0.isEmpty }
            }
            var comments = PlainTextExtractor.comments(from: lines)
            guard !comments.isEmpty else { continue }
            // A <time datetime> for every comment says exactly when ("1 Dec" does not).
            let times = blocks.flatMap { [$0] + document.descendants(of: $0) }.filter { document[$0].tag == "time" }
                .compactMap { document[$0].attribute("datetime") }
            if times.count == comments.count {
                for index in comments.indices { comments[index].time = DateNormalizer.normalizedOrRaw(times[index]) ?? comments[index].time }
            }
            return (comments, Set(blocks + [index]))
        }
        return nil
    }

    /// A heading element, or a short element of text alone, that reads as a comment heading.
    private func isCommentHeading(_ index: Int) -> Bool {
        let node = document[index]
        guard !node.isText, !HTMLTags.ignored.contains(node.tag) else { return false }
        let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b", "header"]
        guard headings.contains(node.tag), node.children.allSatisfy({ document[$0].isText }) else { return false }
        let text = document.text(of: index)
        return text.count <= 40 && PlainTextExtractor.isCommentHeading(text)
    }

    /// The element siblings after the heading (after its parent's, when the heading stands alone
    /// in a wrapper), up to the first that is page furniture by name or tag.
    private func blocksAfter(_ heading: Int) -> [Int]? {
        var anchor = heading
        for _ in 0..<3 {
            let parent = document[anchor].parent
            guard parent >= 0, parent != anchor else { return nil }
            let siblings = document[parent].children
            guard let position = siblings.firstIndex(of: anchor) else { return nil }
            var blocks: [Int] = []
            for sibling in siblings[(position + 1)...] where !document[sibling].isText {
                let node = document[sibling]
                if ["footer", "nav", "aside"].contains(node.tag) { break }
                if !HTMLTags.ignored.contains(node.tag) { blocks.append(sibling) }
            }
            if blocks.contains(where: { !document.text(of: $0).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { return blocks }
            anchor = parent
        }
        return nil
    }
}
