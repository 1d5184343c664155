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

    /// Under a comment heading, the repeated elements of one shape that each show a time (a
    /// `<div>` per comment, nested for replies; a table row per comment), and the nodes the
    /// section takes: the heading and the blocks after it. `nil` when there are not two such.
    func timedItemsUnderHeading() -> (items: [Int], nodes: Set<Int>)? {
        // The heading may stand in a box of its own with the section's notes and sort links, the
        // comments after the box: each level out is tried in turn.
        for heading in document.nodes.indices where isCommentHeading(heading) {
            for blocks in blockLevels(after: heading) {
                if let found = timedItems(in: blocks) { return (found.items, found.nodes.union([heading])) }
            }
        }
        return nil
    }

    /// Among `blocks` and their descendants, the repeated elements of one shape that each show a
    /// time, and every node of the blocks.
    private func timedItems(in blocks: [Int]) -> (items: [Int], nodes: Set<Int>)? {
        var level = blocks
        for _ in 0..<6 {
            var groups: [String: [Int]] = [:]
            for node in level where !document.text(of: node).isEmpty { groups[signature(of: node), default: []].append(node) }
            let timed = groups.values.map { $0.filter(hasTime) }.filter { $0.count >= 2 }
            if let best = timed.max(by: { $0.count < $1.count || ($0.count == $1.count && $0[0] > $1[0]) }) {
                let shape = signature(of: best[0])
                let everything = blocks.flatMap { [$0] + document.descendants(of: $0) }
                let items = everything.filter { signature(of: $0) == shape && hasTime($0) }
                return (items, Set(everything))
            }
            level = level.flatMap { document[$0].children.filter { !document[$0].isText } }
            if level.isEmpty { break }
        }
        return nil
    }

    private func hasTime(_ item: Int) -> Bool { time(of: item, skipping: []) != nil }

    /// A heading element, or a short element of text (inline markup aside), that reads as a
    /// comment heading.
    private func isCommentHeading(_ index: Int) -> Bool {
        let node = document[index]
        guard !node.isText, !HTMLTags.ignored.contains(node.tag) else { return false }
        let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b", "header"]
        let inline: Set<String> = ["span", "small", "em", "strong", "b", "a", "i"]
        guard headings.contains(node.tag), node.children.allSatisfy({ document[$0].isText || inline.contains(document[$0].tag) }) else {
            return false
        }
        let text = document.text(of: index)
        return text.count <= 40 && PlainTextExtractor.isCommentHeading(text)
    }

    /// The element siblings after the heading (after its parent's, when the heading stands alone
    /// in a wrapper), up to the first that is page furniture by name or tag.
    private func blocksAfter(_ heading: Int) -> [Int]? { blockLevels(after: heading).first }

    /// The element siblings after the heading that hold text, then those after its parent, and its
    /// grandparent's: up to three lists, innermost first.
    private func blockLevels(after heading: Int) -> [[Int]] {
        var levels: [[Int]] = []
        var anchor = heading
        for _ in 0..<3 {
            let parent = document[anchor].parent
            guard parent >= 0, parent != anchor, !["body", "html"].contains(document[parent].tag) else { return levels }
            let siblings = document[parent].children
            guard let position = siblings.firstIndex(of: anchor) else { return levels }
            var blocks: [Int] = []
            for sibling in siblings[(position + 1)...] where !document[sibling].isText {
                let node = document[sibling]
                if ["footer", "nav", "aside"].contains(node.tag) { break }
                if !HTMLTags.ignored.contains(node.tag) { blocks.append(sibling) }
            }
            if blocks.contains(where: { !document.text(of: $0).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { levels.append(blocks) }
            anchor = parent
        }
        return levels
    }
}
