/// Recognises page furniture: the parts of a page that are not the article.
///
/// An element is furniture by its tag (`nav`, `aside`, `figure`, ...), by its ARIA role, by being
/// hidden, or by words in its `class`/`id` (`share-bar`, `newsletter`, `cookie-banner`, ...).
enum Furniture {
    /// Tags that never hold body text.
    static let tags: Set<String> = [
        "nav", "aside", "footer", "header", "figure", "figcaption", "form", "dialog", "menu", "button",
        "select", "label", "picture", "img", "audio", "video", "iframe", "object", "embed", "noscript", "script",
        "style", "template", "svg", "canvas", "h1",
    ]

    /// ARIA roles of furniture.
    static let roles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "search", "alert", "tablist", "form",
    ]

    /// Words that mark furniture when they appear anywhere in a class or id.
    static let substrings: [String] = [
        "breadcrumb", "cookie", "consent", "gdpr", "share", "social", "newsletter", "subscribe", "subscription",
        "signup", "sign-up", "paywall", "promo", "advert", "sponsor", "related", "recommend", "readmore",
        "read-more", "more-stories", "trending", "most-read", "mostread", "popular", "listen", "audio",
        "player", "podcast", "caption", "credit", "sidebar", "widget", "popup", "modal", "overlay", "toolbar",
        "masthead", "navbar", "navigation", "footer", "header", "outbrain", "taboola", "disclaimer",
        "author-bio", "authorbio", "author-box", "authorbox", "byline", "dateline", "timestamp", "skip-link", "sr-only", "visually-hidden",
        "screen-reader", "print-only", "factcheck", "fact-check", "fact-checker", "tag-list", "taglist",
        "article-tags", "post-tags", "topics", "keywords", "pagination", "pager", "comment", "disqus", "banner",
        "feedback", "survey", "donate", "membership", "tooltip", "login", "pull-quote", "pullquote", "pull_quote",
    ]

    /// Words that mark furniture only as whole class or id tokens (split at `-`, `_` and spaces).
    static let tokens: Set<String> = [
        "nav", "ad", "ads", "adslot", "menu", "tags", "tag", "rail", "print", "hidden", "hide", "bio", "meta",
        "tools", "aside", "extra", "share", "follow", "teaser", "teasers", "card", "cards", "promo", "more",
        "links", "callout", "embed", "video", "photo", "image", "gallery", "slideshow", "figure", "infobox",
        "toc", "alert", "notice", "note", "cta", "search", "rating", "ratings", "kicker",
    ]

    /// Words in a class or id that mark the main content; they veto a token match.
    static let contentWords: [String] = [
        "article-body", "articlebody", "story-body", "post-body", "entry-content",
        "post-content", "article-content", "story-content", "main-content", "article__body", "body-text",
    ]

    /// Whether the element at `index` is furniture by tag, role, visibility or class/id words.
    static func isFurniture(_ document: HTMLDocument, _ index: Int) -> Bool {
        let node = document[index]
        if tags.contains(node.tag) { return true }
        if let role = node.attribute("role")?.lowercased(), roles.contains(role) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        if ["html", "body", "main", "article"].contains(node.tag) { return false }
        let names = document.classAndID(of: index)
        guard !names.isEmpty else { return isFurnitureByData(node) }
        if contentWords.contains(where: names.fastContains) { return false }
        if substrings.contains(where: names.fastContains) { return true }
        for token in names.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where tokens.contains(String(token)) {
            return true
        }
        return isFurnitureByData(node)
    }

    /// Whether an element's class or id marks it as the main content (`article-body`, ...).
    static func namesContent(_ document: HTMLDocument, _ index: Int) -> Bool {
        let node = document[index]
        guard node.attribute("class") != nil || node.attribute("id") != nil else { return false }
        let names = document.classAndID(of: index)
        return contentWords.contains(where: names.fastContains)
    }

    private static func isFurnitureByData(_ node: HTMLDocument.Node) -> Bool {
        for name in ["data-component", "data-module", "data-testid", "aria-label"] {
            guard let value = node.attribute(name)?.lowercased() else { continue }
            if substrings.contains(where: value.fastContains) { return true }
        }
        return false
    }
}
