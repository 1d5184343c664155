internal import Foundation

/// The article's metadata as a page declares it: title, byline, publication time, canonical URL.
struct HTMLMetadata: Sendable, Hashable {
    var title: String?
    var byline: String?
    var published: String?
    var url: String?

    /// Reads metadata from JSON-LD, `<meta>` tags, `<link rel=canonical>`, `<h1>`, `<title>` and
    /// `<time>`, in that order of trust.
    init(document: HTMLDocument, jsonLD: JSONLD, excluding excluded: Set<Int>) {
        var meta: [String: String] = [:]
        var canonical: String?
        var relAuthor: String?
        var itempropAuthor: String?
        var itempropPublished: String?
        var firstH1: String?
        var firstH2: String?
        var titleTag: String?
        var firstTime: String?
        var bylineText: String?
        // The writer's role in an element of its own inside the byline ("<span class=author-role>").
        var bylineRole: String?

        for index in document.descendants(of: document.root) {
            let node = document[index]
            switch node.tag {
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "")
                    .lowercased()
                if !key.isEmpty, let content = node.attribute("content"), meta[key] == nil {
                    meta[key] = content.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            case "link":
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical"), canonical == nil { canonical = node.attribute("href") }
            case "title":
                if titleTag == nil { titleTag = Self.clean(document.rawText(of: index)) }
            case "h1":
                if firstH1 == nil, !Self.isInside(document, index, excluded) {
                    let text = document.text(of: index)
                    if !text.isEmpty { firstH1 = text }
                }
            case "h2":
                if firstH2 == nil, !Self.isInside(document, index, excluded) {
                    let text = Self.clean(document.text(of: index))
                    if !text.isEmpty { firstH2 = text }
                }
            case "time":
                if firstTime == nil, !Self.isInside(document, index, excluded) {
                    firstTime = node.attribute("datetime") ?? document.text(of: index)
                }
            default:
                break
            }
            guard !node.isText else { continue }
            if relAuthor == nil, node.attribute("rel")?.lowercased() == "author",
                !Self.isInside(document, index, excluded)
            {
                relAuthor = document.text(of: index)
            }
            if let itemprop = node.attribute("itemprop")?.lowercased(), !Self.isInside(document, index, excluded) {
                if itemprop == "author", itempropAuthor == nil {
                    let name = document.descendants(of: index).first { document[$0].attribute("itemprop") == "name" }
                    itempropAuthor = node.attribute("content") ?? document.text(of: name ?? index)
                }
                if itemprop == "datepublished", itempropPublished == nil {
                    itempropPublished = node.attribute("content") ?? node.attribute("datetime") ?? document.text(of: index)
                }
            }
            if bylineText == nil, node.tag != "meta", !Self.isInside(document, index, excluded) {
                let names = document.classAndID(of: index)
                if names.contains("byline") || names.split(whereSeparator: { !$0.isLetter }).contains("author") {
                    let text = document.text(of: index)
                    if !text.isEmpty, text.count < 120 {
                        bylineText = text
                        bylineRole = document.descendants(of: index).lazy.filter { !document[$0].isText }.first { inner in
                            document.classAndID(of: inner).split(whereSeparator: { !$0.isLetter }).contains {
                                ["role", "job", "jobtitle", "position", "title"].contains($0)
                            }
                        }.map { Self.clean(document.text(of: $0)) }
                    }
                } else if ["p", "div", "span"].contains(node.tag), node.children.allSatisfy({ !HTMLTags.block.contains(document[$0].tag) }) {
                    // A line of its own that reads "By Jane Doe · 3 December 2026".
                    let text = Self.clean(document.text(of: index))
                    if let name = ArticleHeaderLines.bylineName(text), text.hasPrefix("By ") || text.hasPrefix("by ") {
                        bylineText = name
                    } else if text.count <= 80, let name = ArticleHeaderLines.nameBeforeDate(text) {
                        // "Fatima Noor 2 December 2026": a name and the date, the page's byline line.
                        bylineText = name
                    }
                }
            }
        }

        let article = jsonLD.article
        let siteName = meta["og:site_name"]

        var title = JSONLD.string(article?["headline"]) ?? meta["og:title"] ?? meta["twitter:title"]
        if title?.isEmpty == true { title = nil }
        if title == nil { title = firstH1 }
        // The headline on the page is the one readers cite; a declared one that shares its words is
        // the version written for search or sharing.
        if let declared = title, let shown = firstH1, Self.clean(shown) != Self.clean(declared), Self.sameStory(shown, declared) {
            title = shown
        }
        if title == nil, let titleTag, !titleTag.isEmpty {
            let stripped = Self.strippingSiteSuffix(titleTag, siteName: siteName)
            title = stripped
            // A page without <h1> whose first <h2> is the whole headline the <title> shortened.
            if let heading = firstH2, heading.count > stripped.count, heading.lowercased().hasPrefix(stripped.lowercased()) { title = heading }
        }
        if let current = title { title = Self.strippingSiteSuffix(current, siteName: siteName, onlyKnown: true) }
        self.title = title.map(Self.clean)

        var byline = JSONLD.names(article?["author"]) ?? itempropAuthor ?? relAuthor
        if byline == nil, let author = meta["author"] ?? meta["article:author"] ?? meta["byl"] ?? meta["dc.creator"],
            !author.hasPrefix("http")
        {
            byline = author
        }
        if byline == nil { byline = bylineText }
        // The byline the reader sees, when it names the same people as the markup, says it as the
        // page does ("Ana Ruiz and Tom Roe, Environment desk" for the markup's "Ana Ruiz, Tom Roe").
        // Not when something else runs on after the names without a comma (an outlet's badge:
        // "Marisol Quintanar Pacific Wire Service").
        if let declared = byline, let visible = bylineText.map(Self.cleanByline), visible != declared,
            case let names = declared.components(separatedBy: ", "), names.allSatisfy({ visible.contains($0) }),
            let last = names.last.flatMap({ visible.range(of: $0, options: .backwards) }),
            visible[last.upperBound...].isEmpty || visible[last.upperBound...].hasPrefix(",")
        {
            byline = visible
        }
        var cleaned = byline.map(Self.cleanByline)
        // The role in its own element: after the name, set apart by a comma ("Daniel Okoye,
        // Transport Editor"), also when the byline's text ran it on after the name.
        if let name = cleaned, !name.contains(","), let role = bylineRole, ArticleHeaderLines.isRole(role) {
            let bare = name.hasSuffix(role) ? String(name.dropLast(role.count)).trimmingCharacters(in: .whitespaces) : name
            cleaned = bare + ", " + role
        }
        self.byline = cleaned.flatMap { $0.isEmpty ? nil : $0 }

        let publishedCandidates: [String?] = [
            JSONLD.string(article?["datePublished"]), meta["article:published_time"],
            meta["og:article:published_time"], meta["published_time"], meta["pubdate"], meta["publishdate"],
            meta["publish-date"], meta["date"], meta["dc.date"], meta["dc.date.issued"], meta["dcterms.created"],
            meta["sailthru.date"], meta["parsely-pub-date"], meta["datepublished"], itempropPublished, firstTime,
        ]
        let published = publishedCandidates.lazy.compactMap { $0 }.first { !$0.isEmpty }
        self.published = DateNormalizer.normalizedOrRaw(published)

        let url =
            canonical ?? meta["og:url"] ?? JSONLD.string(article?["url"])
            ?? JSONLD.string(article?["mainEntityOfPage"], key: "@id")
        self.url = url?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isInside(_ document: HTMLDocument, _ index: Int, _ excluded: Set<Int>) -> Bool {
        if excluded.isEmpty { return false }
        var current = index
        while current >= 0 {
            if excluded.contains(current) { return true }
            current = document[current].parent
        }
        return false
    }

    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "By Jane Doe and John Roe, Staff Writers" keeps the names part after "By".
    static func cleanByline(_ text: String) -> String {
        var result = clean(text)
        // "Author Colm Fitzgerald": a label for screen readers (WordPress themes) before the name.
        for prefix in ["By ", "by ", "BY ", "Written by ", "Words by ", "Von ", "Author ", "Author: ", "Posted by "] where result.hasPrefix(prefix) {
            result = String(result.dropFirst(prefix.count))
        }
        result = ArticleHeaderLines.cutAtDate(result)
        // "…, Local Democracy Reporter @OwenPritchLDR": the writer's handle after the byline.
        if let last = result.split(separator: " ").last, last.hasPrefix("@"), last.count > 1, result.split(separator: " ").count > 1 {
            result = String(result.dropLast(last.count))
        }
        // The byline element often holds the date line and share buttons after the names.
        for marker in [" Published ", " Updated ", " Posted ", " · ", " | "] {
            if let range = result.range(of: marker), result.distance(from: result.startIndex, to: range.lowerBound) >= 3 {
                result = String(result[..<range.lowerBound])
            }
        }
        // "… Published" left when the date after it was cut.
        for label in [" Published", " Updated", " Posted"] where result.hasSuffix(label) { result = String(result.dropLast(label.count)) }
        return result.trimmingCharacters(in: CharacterSet(charactersIn: " |,·-"))
    }

    /// Whether two headlines tell the same story: at least half the words of the shorter are in
    /// the other.
    static func sameStory(_ first: String, _ second: String) -> Bool {
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count > 2 }.map(String.init))
        }
        let (a, b) = (words(first), words(second))
        guard !a.isEmpty, !b.isEmpty else { return false }
        return Double(a.intersection(b).count) >= 0.5 * Double(min(a.count, b.count))
    }

    /// "Bridge vote passes | The Harbour Herald" becomes "Bridge vote passes".
    ///
    /// With `onlyKnown`, only a suffix equal to the site name is removed.
    static func strippingSiteSuffix(_ title: String, siteName: String?, onlyKnown: Bool = false) -> String {
        let title = clean(title)
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound])
            let tail = String(title[range.upperBound...])
            if let siteName, tail.caseInsensitiveCompare(clean(siteName)) == .orderedSame { return head }
            if !onlyKnown, tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 2 { return head }
        }
        return title
    }
}
