/// Finds the article body in a page and reads it as paragraphs, leaving page furniture behind.
///
/// The body is the page's `articleBody`, `<article>` or `<main>` when those hold most of the
/// paragraph text, otherwise the element whose paragraphs score highest (the Readability
/// heuristic: long, comma-rich paragraphs vote for their parent and grandparent). Inside it, every
/// run of inline content (a `<p>`, a list item, text between `<br><br>`) is one paragraph, unless it
/// is furniture by structure, by words, or by being mostly links.
struct HTMLBodyExtractor {
    let document: HTMLDocument
    /// Nodes already claimed by other parts of the page (the comment section).
    let claimed: Set<Int>

    func paragraphs() -> [String] {
        let count = document.nodes.count
        var leafLengths = [Int](repeating: 0, count: count)
        for index in 0..<count where document[index].isText {
            leafLengths[index] = document[index].text.visibleScalarCount
        }
        let raw = measure(removed: [Bool](repeating: false, count: count), leafLengths: leafLengths)
        let removed = furniture(raw: raw)
        let measured = measure(removed: removed, leafLengths: leafLengths)
        let containers = bodyContainers(measured: measured, removed: removed)
        var result: [String] = []
        var seen: Set<String> = []
        for container in containers {
            for paragraph in inlineRuns(in: container, removed: removed) where seen.insert(paragraph).inserted {
                result.append(paragraph)
            }
        }
        return result
    }

    // MARK: Measuring

    private struct Measure {
        /// Characters of text under each node.
        var text: [Int]
        /// Characters of text inside `<p>` elements under each node.
        var paragraph: [Int]
        /// Whether the node is or contains an `<article>`, `<main>` or `articleBody`.
        var holdsMain: [Bool]
    }

    /// Text measures per node, computed bottom-up (children always follow their parent).
    private func measure(removed: [Bool], leafLengths: [Int]) -> Measure {
        let count = document.nodes.count
        var text = [Int](repeating: 0, count: count)
        var paragraph = [Int](repeating: 0, count: count)
        var holdsMain = [Bool](repeating: false, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let node = document[index]
            if removed[index] || claimed.contains(index) { continue }
            if node.isText {
                text[index] = leafLengths[index]
                continue
            }
            if HTMLTags.ignored.contains(node.tag) { continue }
            var sum = 0
            var paragraphSum = 0
            var main =
                node.tag == "article" || node.tag == "main"
                || node.attribute("itemprop")?.lowercased() == "articlebody"
            for child in node.children {
                sum += text[child]
                paragraphSum += paragraph[child]
                main = main || holdsMain[child]
            }
            text[index] = sum
            paragraph[index] = node.tag == "p" ? sum : paragraphSum
            holdsMain[index] = main
        }
        return Measure(text: text, paragraph: paragraph, holdsMain: holdsMain)
    }

    /// Marks furniture subtrees, sparing elements that hold the main content.
    private func furniture(raw: Measure) -> [Bool] {
        var removed = [Bool](repeating: false, count: document.nodes.count)
        let total = raw.paragraph[document.root]
        for index in 0..<document.nodes.count {
            let node = document[index]
            if node.isText { continue }
            if node.parent >= 0, removed[node.parent] { removed[index] = true; continue }
            guard Furniture.isFurniture(document, index) else { continue }
            let isTagFurniture = Furniture.tags.contains(node.tag) && node.tag != "header" && node.tag != "form"
            if !isTagFurniture {
                if raw.holdsMain[index] { continue }
                if total > 200, raw.paragraph[index] * 10 > total * 6 { continue }
            } else if node.tag == "aside" || node.tag == "footer" || node.tag == "nav" {
                if raw.holdsMain[index] { continue }
            }
            if node.tag == "form", raw.holdsMain[index] || (total > 200 && raw.paragraph[index] * 2 > total) {
                continue
            }
            if node.tag == "header", raw.holdsMain[index] { continue }
            removed[index] = true
        }
        return removed
    }

    // MARK: Choosing the body

    private func bodyContainers(measured: Measure, removed: [Bool]) -> [Int] {
        let total = measured.paragraph[document.root]
        var semantic: Int?
        for index in 0..<document.nodes.count where !removed[index] && !claimed.contains(index) {
            let node = document[index]
            guard !node.isText else { continue }
            let isMain =
                node.attribute("itemprop")?.lowercased() == "articlebody" || node.tag == "article"
                || node.tag == "main" || node.attribute("role") == "main"
                || Furniture.namesContent(document, index)
            guard isMain, measured.paragraph[index] > 0 else { continue }
            if let current = semantic {
                // The innermost container that still holds (nearly) all the text wins ties.
                if measured.paragraph[index] > measured.paragraph[current]
                    || (document.isInside(index, current)
                        && measured.paragraph[index] * 10 >= measured.paragraph[current] * 9)
                {
                    semantic = index
                }
            } else {
                semantic = index
            }
        }
        if let semantic, measured.paragraph[semantic] * 2 >= total {
            return [semantic]
        }
        return scoredContainers(measured: measured, removed: removed) ?? [document.root]
    }

    /// The Readability-style best container and its strong siblings.
    private func scoredContainers(measured: Measure, removed: [Bool]) -> [Int]? {
        var scores: [Int: Double] = [:]
        for index in 0..<document.nodes.count where !removed[index] && !claimed.contains(index) {
            let node = document[index]
            guard node.tag == "p" || node.tag == "pre" || node.tag == "td" || (node.tag == "div" && hasDirectText(index))
            else { continue }
            let length = measured.text[index]
            guard length >= 25 else { continue }
            let commas = document.rawText(of: index).count { $0 == "," }
            let score = 1 + Double(commas) + min(Double(length) / 100, 3)
            let parent = node.parent
            if parent >= 0 {
                scores[parent, default: 0] += score
                let grandparent = document[parent].parent
                if grandparent >= 0 { scores[grandparent, default: 0] += score / 2 }
            }
            if node.tag == "div" { scores[index, default: 0] += score }
        }
        guard let best = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return nil
        }
        let parent = document[best.key].parent
        guard parent >= 0 else { return [best.key] }
        let threshold = max(3, best.value * 0.25)
        return document[parent].children.filter { child in
            child == best.key || (scores[child] ?? 0) >= threshold
        }
    }

    private func hasDirectText(_ index: Int) -> Bool {
        document[index].children.contains { child in
            document[child].isText && document[child].text.visibleScalarCount > 0
        }
    }

    // MARK: Reading paragraphs

    /// Each run of inline content under `container`, as cleaned paragraphs.
    private func inlineRuns(in container: Int, removed: [Bool]) -> [String] {
        var paragraphs: [String] = []
        var run = ""
        var linkCharacters = 0
        var lastWasBreak = false

        func flush() {
            let text = run.collapsingWhitespace
            let letters = text.visibleScalarCount
            defer { run = ""; linkCharacters = 0 }
            guard letters > 0 else { return }
            if linkCharacters * 10 > letters * 6 { return }
            if FurnitureText.isFurniture(text) { return }
            paragraphs.append(text)
        }

        // Stack entries: node index, whether this entry closes a block, whether inside a link.
        var stack: [(Int, Bool, Bool)] = [(container, false, false)]
        while let (index, closing, inLink) = stack.popLast() {
            if closing { flush(); continue }
            if removed[index] || claimed.contains(index) { continue }
            let node = document[index]
            if node.isText {
                run += node.text
                if inLink { linkCharacters += node.text.visibleScalarCount }
                if node.text.visibleScalarCount > 0 { lastWasBreak = false }
                continue
            }
            if HTMLTags.ignored.contains(node.tag) { continue }
            if node.tag == "br" {
                if lastWasBreak { flush() } else { run += " " }
                lastWasBreak = true
                continue
            }
            if HTMLTags.headings.contains(node.tag) { flush(); continue }
            let block = HTMLTags.block.contains(node.tag)
            if block {
                flush()
                lastWasBreak = false
                stack.append((index, true, inLink))
            }
            let link = inLink || node.tag == "a"
            for child in node.children.reversed() { stack.append((child, false, link)) }
        }
        flush()
        return paragraphs
    }
}
