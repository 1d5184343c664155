internal import Foundation

/// Recognises lines and paragraphs of page furniture by their words: "Listen to this article",
/// share prompts, newsletter and promo boxes, photo credits, tag lists.
///
/// Used by both the HTML and the plain-text extractors, after structure has done what it can.
public enum FurnitureText {
    /// Whole-line phrases (lower-cased, without trailing punctuation) that are furniture.
    static let exactLines: Set<String> = [
        "advertisement", "advertising", "ad", "sponsored", "sponsored content", "share", "share this", "get in touch", "contact form", "save article",
        "your email",
        "share this article", "share this story", "share on facebook", "share on twitter", "share on x",
        "tweet", "email", "print", "copy link", "link copied", "listen", "listen to this article",
        "listen to the article", "listen to this story", "play", "pause", "read more", "see more",
        "more on this story", "related", "related stories", "related articles", "recommended",
        "most read", "most popular", "trending", "skip to content", "skip to main content", "menu", "search",
        "sign in", "log in", "subscribe", "subscribe now", "sign up", "close", "back to top", "top stories",
        "you may also like", "more from", "follow us", "comments", "leave a comment", "post a comment",
        "show comments", "hide comments", "load more comments", "reply", "continue reading", "accept",
        "accept all", "reject all", "manage cookies", "cookie settings", "fact checker", "fact check this article",
        "image", "photo", "video", "audio", "gallery", "open image", "enlarge", "try it now", "try it", "learn more",
        "find out more", "get started", "start now", "check it out", "sign up now", "register", "donate now",
        "support us", "open in app", "view in app", "save", "saved", "bookmark", "gift this article", "gift article",
        "reuse this content", "explore more on these topics", "facebook", "x", "twitter", "whatsapp", "linkedin", "reddit",
        "telegram", "pinterest", "messenger", "bluesky", "threads", "flipboard", "follow", "unfollow", "previous", "next",
        "previous article", "next article", "mute", "unmute", "fullscreen", "full screen", "exit fullscreen", "enter email",
        "article content",
    ]

    /// Line openings (lower-cased) that mark furniture when the line is short.
    static let prefixes: [String] = [
        "listen to this", "listen to the", "listen:", "audio:", "share this", "share on", "share:", "follow us",
        "follow @", "sign up for", "sign up to", "subscribe to", "subscribe for", "get our newsletter",
        "newsletter:", "read more:", "read more at", "read next", "more:", "related:", "see also:", "also read",
        "recommended:", "advertisement", "this advertisement", "photo:", "photo by", "photograph:", "image:", "image by",
        "image credit", "credit:", "photo credit", "picture:", "illustration:", "video:", "watch:",
        "tags:", "topics:", "filed under", "categories:", "copyright", "©", "(c) 20", "all rights reserved",
        "this article was", "click here", "tap here", "download our app", "download the app",
        "we use cookies", "this site uses cookies", "by continuing to use", "by using this site", "cookie",
        "fact checker:", "fact-checker:", "verify this article", "check this article",
        "minutes read", "min read", "estimated reading time", "reading time", "updated:", "last updated",
        "published:", "first published", "originally published:", "posted in", "posted on", "leave a reply", "jump to",
        "story continues below", "image caption", "caption:", "media caption", "(reporting by", "(additional reporting", "(writing by", "(editing by",
        "(compiled by",
        "our standards:", "article continues below", "continue reading below", "content continues below",
        "thanks for reading", "thank you for reading", "scroll to continue", "all times are", "type your email", "enter your email",
        "your email address", "email address", "image source", "play audio", "play video", "font size", "text size", "ⓒ",
        "was this article useful", "was this article helpful", "was this helpful", "read also", "do you have a story", "got a story",
        "more on this:", "social sharing", "privacy notice:", "support £", "support $", "support €", "hide ad", "skip ad", "close ad",
        "report this ad", "remind me in", "share or comment on this", "view comments", "▶ watch", "► watch", "▶ listen",
        "► listen", "read aloud", "download on the app store", "get it on google play", "join the conversation",
    ]

    /// Phrases anywhere in a short line that mark a promo or widget.
    static let infixes: [String] = [
        "newsletter", "subscribe", "sign up", "listen to this article", "listen to the article",
        "cookies", "our app", "in your inbox", "become a member", "support our journalism",
        "donate", "fact checker", "fact-checker", "verify this article", "check the claims in this article",
        "ai-generated audio", "text-to-speech", "narrated", "getty images", "shutterstock", "/ reuters",
        "/reuters", "ap photo", "afp via", "(photo", "photograph by", "not responsible for the content of external",
        "share your experience", "share your story", "send your story", "story ideas", "synthetic voice",
    ]

    /// Whether `line` reads as page furniture rather than article text.
    ///
    /// Short lines are judged by their words; long lines (over 40 words) are furniture only when
    /// they start with a furniture phrase such as a cookie notice.
    public static func isFurniture(_ line: String) -> Bool {
        let words = line.roughWordCount
        if words == 0 { return true }
        if words > 40 {
            // Long text is furniture only when it is a cookie notice.
            let head = String(line.prefix(40)).lowercased()
            return head.hasPrefix("we use cookies") || head.hasPrefix("this website uses cookies") || head.hasPrefix("privacy notice:")
                || head.hasPrefix("this site uses cookies")
        }
        let lower = line.lowercased().trimmingASCII()
        let bare = lower.trimmingASCII(".:!?>|-*").trimmingDecorations
        if exactLines.contains(bare) { return true }
        // "214 shares | View comments (18)": a row of furniture set apart by bars.
        if words <= 12, line.contains(" | "), case let parts = line.components(separatedBy: " | "), parts.count >= 2,
            parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty && isFurniture($0.trimmingCharacters(in: .whitespaces)) })
        {
            return true
        }
        // "Reporting from Holmesby, Norfolk": where the reporter is, under the byline.
        if words <= 6, bare.hasPrefix("reporting from ") { return true }
        if prefixes.contains(where: { bare.hasPrefix($0) }) { return true }
        if words <= 25, infixes.contains(where: { lower.fastContains($0) }) { return true }
        if words <= 6, isCountLine(bare) { return true }
        if words <= 25, isCaptionWithCredit(line) { return true }
        if words <= 12, isBreadcrumb(line) { return true }
        // "Iain Gillies/West Coast Herald": a photo's credit on a line of its own.
        if words <= 10, isNameSlashAgency(line.trimmingCharacters(in: .whitespaces)) { return true }
        if words <= 3, isCountOrDuration(bare) { return true }
        if words <= 8, isPlayerClock(bare) { return true }
        // "— With files from The Canadian Press": the wire credit under a story.
        if words <= 10, lower.trimmingCharacters(in: CharacterSet(charactersIn: "—–- ")).hasPrefix("with files from ") { return true }
        // "Powered by AudioVoice": a widget's maker under the player or box.
        if words <= 4, bare.hasPrefix("powered by ") { return true }
        if words <= 3, isDashSignOff(line) { return true }
        if words <= 6, bare.hasSuffix("'s avatar") || bare.hasSuffix("’s avatar") || isLinkListHeading(line) { return true }
        if words <= 15, isFollowPrompt(bare) { return true }
        if words <= 12, isDividedWidget(bare) { return true }
        if !line.contains(where: { $0.isLetter || $0.isNumber }) { return true }
        if words <= 8, isSignOff(line) { return true }
        if words <= 12, isShareBar(bare) { return true }
        return lower.hasPrefix("we use cookies") || lower.hasPrefix("this website uses cookies")
    }

    /// "Kim Seo-yeon  sykim@example.com": a writer's name and e-mail address under the story.
    static func isSignOff(_ line: String) -> Bool {
        line.split(separator: " ").contains { word in
            guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
            return word[at...].contains(".")
        }
    }

    /// "Share Facebook X WhatsApp Email Copy link": a row of share buttons copied as one line.
    static func isShareBar(_ bare: String) -> Bool {
        let buttons: Set<String> = [
            "share", "f", "facebook", "x", "twitter", "whatsapp", "email", "e-mail", "copy", "link", "print", "linkedin", "reddit",
            "telegram", "messenger", "save", "gift", "bluesky", "threads", "pinterest", "mastodon", "flipboard", "|", "·",
        ]
        let words = bare.split(separator: " ").map(String.init)
        return words.count >= 2 && words.allSatisfy(buttons.contains)
    }

    /// "41", "41 Likes", "3:48 min": a number, or a number and a word, standing alone.
    static func isCountOrDuration(_ bare: String) -> Bool {
        let parts = bare.split(separator: " ")
        guard let first = parts.first, parts.count <= 2, first.contains(where: \.isNumber) else { return false }
        guard first.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." || $0 == "," || $0 == "k" }) else { return false }
        return parts.count == 1 || parts[1].allSatisfy(\.isLetter)
    }

    /// "00:00 / 02:41", "0:00 / 1:45 CC Mute Fullscreen": a media player's position and length,
    /// perhaps with its buttons.
    static func isPlayerClock(_ bare: String) -> Bool {
        // "▶ 0:00 / 4:52": the play button drawn before the clock.
        let parts = bare.split(separator: " ").drop { !$0.contains(where: { $0.isLetter || $0.isNumber }) }.map { $0 }
        let controls: Set<Substring> = ["cc", "mute", "unmute", "fullscreen", "settings", "play", "pause", "hd"]
        return parts.count >= 3 && parts[1] == "/" && parts.dropFirst(3).allSatisfy(controls.contains)
            && [parts[0], parts[2]].allSatisfy { part in
                part.contains(":") && part.allSatisfy { $0.isNumber || $0 == ":" }
            }
    }

    /// "— Rosie": a writer's sign-off under a letter or newsletter.
    static func isDashSignOff(_ line: String) -> Bool {
        guard line.hasPrefix("— ") || line.hasPrefix("– ") else { return false }
        let words = line.dropFirst(2).split(separator: " ")
        return (1...2).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// "Follow Northline on WhatsApp for alerts": a prompt to follow the site somewhere.
    static func isFollowPrompt(_ bare: String) -> Bool {
        guard bare.hasPrefix("follow ") else { return false }
        let platforms = [
            "whatsapp", "facebook", "instagram", "twitter", " on x", "telegram", "linkedin", "tiktok", "youtube", "mastodon", "bluesky",
            "google news", "threads",
        ]
        return platforms.contains { bare.fastContains($0) }
    }

    /// "▶ Listen · 5 min", "Share · Save": a widget's buttons set apart by dots, every part short
    /// and the first a widget word.
    static func isDividedWidget(_ bare: String) -> Bool {
        let parts = bare.components(separatedBy: "·").flatMap { $0.components(separatedBy: "∙") }
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingDecorations }
        guard parts.count >= 2, parts.allSatisfy({ $0.split(separator: " ").count <= 4 }) else { return false }
        let first = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "▶►🔊🎧 "))
        return exactLines.contains(first) && parts.dropFirst().allSatisfy { exactLines.contains($0) || isCountOrDuration($0) || isCountLine($0) }
    }

    /// A photo credit, caption mark or advertisement slot: furniture that stands beside body text
    /// rather than framing a widget box.
    static func isCreditOrAd(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingASCII().trimmingDecorations
        let openings = [
            "photo:", "photo by", "photograph", "image:", "image by", "image credit", "credit:", "photo credit", "picture:",
            "illustration:", "advertisement", "advertising", "sponsored", "ad",
        ]
        if openings.contains(where: { lower.hasPrefix($0) }) && lower.roughWordCount <= 25 { return true }
        let marks = ["getty images", "shutterstock", "/ reuters", "/reuters", "ap photo", "afp via", "(photo", "photograph by"]
        return (lower.roughWordCount <= 25 && marks.contains { lower.fastContains($0) })
            || isNameSlashAgency(line.trimmingCharacters(in: .whitespaces))
    }

    /// A photo's credit line: "Photo: Jo Bloggs/Agency", "Picture: Agency", or the photographer
    /// and the agency alone ("Iain Gillies/West Coast Herald").
    static func isPhotoCredit(_ line: String) -> Bool {
        isLabelledPhotoCredit(line) || (line.lowercased().roughWordCount <= 10 && isNameSlashAgency(line.trimmingCharacters(in: .whitespaces)))
    }

    /// A photo's credit line that says what it is: "Photo: Jo Bloggs/Agency", "Image: Agency".
    static func isLabelledPhotoCredit(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingASCII().trimmingDecorations
        guard lower.roughWordCount <= 10 else { return false }
        return [
            "photo:", "photo by", "photograph:", "photograph by", "image:", "image by", "image credit", "credit:", "photo credit", "picture:", "©",
        ]
        .contains { lower.hasPrefix($0) }
    }

    /// "Iain Gillies/West Coast Herald", "Reuters/Jane Doe": two names joined by a slash, one of them
    /// of two words or more.
    static func isNameSlashAgency(_ line: String) -> Bool {
        let sides = line.components(separatedBy: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2, sides.allSatisfy({ !$0.isEmpty && PlainTextExtractor.looksLikeName($0) && !$0.hasSuffix(".") }) else { return false }
        return sides.contains { $0.contains(" ") }
    }

    /// The first line of a newsletter or subscription box: "Subscribe to …", "Sign up for …",
    /// "Get our newsletter".
    static func isPromoOpening(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingASCII().trimmingDecorations
        guard lower.roughWordCount <= 12 else { return false }
        let openings = ["subscribe to", "subscribe for", "sign up for", "sign up to", "get our newsletter", "get the newsletter", "about the author"]
        return openings.contains { lower.hasPrefix($0) } || lower.fastContains("newsletter")
    }

    /// A line that asks the reader for money or membership: "Become a member from £3 a month".
    static func isAppeal(_ line: String) -> Bool {
        let lower = line.lowercased()
        guard lower.roughWordCount <= 25 else { return false }
        return ["become a member", "support our journalism", "donate", "make a contribution", "give monthly", "subscribe"].contains {
            lower.fastContains($0)
        }
    }

    /// Furniture that can frame a widget box (its title or its button): not a credit, an
    /// advertisement slot, a dateline, a reading time or a link list heading, which stand beside
    /// body text.
    static func isWidgetEdge(_ line: String) -> Bool {
        guard isFurniture(line), !isCreditOrAd(line), !isLinkListHeading(line) else { return false }
        let bare = line.lowercased().trimmingASCII().trimmingDecorations
        let beside = ["published", "updated", "posted", "first published", "last updated", "read more", "related"]
        if beside.contains(where: { bare.hasPrefix($0) }) { return false }
        return !(bare.roughWordCount <= 6 && isCountLine(bare)) && !bare.hasSuffix("min read") && !bare.hasSuffix("minute read")
    }

    /// Headings of the link lists a page puts beside or after a story ("Most read", "Related
    /// stories"); the short lines under one are headlines of other stories.
    static func isLinkListHeading(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :")).trimmingDecorations
        return [
            "most read", "most popular", "most viewed", "related", "related stories", "related articles", "more from",
            "more stories", "trending", "trending now", "recommended", "recommended for you", "you may also like",
            "more from this section",
            "read next", "latest news", "top stories", "more on this story", "more news", "popular now", "editor's picks",
            "explore more on these topics", "topics", "tags", "read more", "see also", "also read", "more on this",
            "related topics", "related internet links", "related links", "features", "you might also like", "more like this",
            "trending stories",
        ].contains(lower) || (lower.hasPrefix("more from ") && lower.split(separator: " ").count <= 4 && !lower.hasSuffix("."))
            || (["most read ", "most popular ", "most viewed "].contains(where: lower.hasPrefix) && lower.split(separator: " ").count <= 5)
    }

    /// A site's path to the page: "Home › Local › Transport", "News > World".
    static func isBreadcrumb(_ line: String) -> Bool {
        for separator in ["›", "»", ">", "→"] where line.contains(separator) {
            let parts = line.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count >= 2,
                parts.allSatisfy({ part in
                    let words = part.split(separator: " ")
                    return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true || $0.first?.isNumber == true }
                        && !part.hasSuffix(".")
                })
            {
                return true
            }
        }
        return false
    }

    /// A photo caption ending in its credit: "The new trees along Dock Road. (Valley Courier)",
    /// "Shoppers at the hall (AP Photo/Jo Bloggs)".
    static func isCaptionWithCredit(_ line: String) -> Bool {
        // "The cottage at Carrow Point. Photograph: Luka Anand for The Review"
        for mark in [". Photograph: ", ". Photo: ", ". Picture: ", ". Image: ", ". Credit: "] {
            if let range = line.range(of: mark), line[range.upperBound...].split(separator: " ").count <= 10 { return true }
        }
        // "A roof being tarped on Saturday night. Picture by Jono Field"
        for mark in [". Picture by ", ". Photo by ", ". Photograph by ", ". Image by ", ". Pictures by ", ". Photos by "] {
            guard let range = line.range(of: mark) else { continue }
            let credit = line[range.upperBound...].split(separator: " ")
            if (1...6).contains(credit.count), credit.allSatisfy({ $0.first?.isUppercase == true || ["for", "of", "/"].contains($0) }) {
                return true
            }
        }
        // "The bridge has been closed since October. Hana Okafor / Valley Dispatch"
        if let stop = line.range(of: ". ", options: .backwards) {
            let credit = line[stop.upperBound...]
            let words = credit.split(separator: " ").filter { $0 != "/" }
            if credit.contains("/"), (2...7).contains(words.count), !credit.hasSuffix("."),
                words.allSatisfy({ $0.first?.isUppercase == true || $0.hasPrefix("/") })
            {
                return true
            }
        }
        guard line.hasSuffix(")"), let open = line.lastIndex(of: "("), !line.contains("\""), !line.contains("“") else { return false }
        let credit = line[line.index(after: open)..<line.index(before: line.endIndex)]
        let words = credit.split(separator: " ")
        guard (1...5).contains(words.count) else { return false }
        let lower = credit.lowercased()
        let first = lower.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        if credit.contains("/")
            || ["photo", "photograph", "image", "picture", "pic", "getty", "reuters", "afp", "ap", "file", "handout", "supplied"].contains(first)
        {
            return true
        }
        let before = line[..<open].trimmingCharacters(in: .whitespaces)
        return words.count >= 2 && words.allSatisfy { $0.first?.isUppercase == true } && before.hasSuffix(".")
    }

    /// Lines such as "5 min read", "12 shares", "3 photos".
    static func isCountLine(_ line: String) -> Bool {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts.count <= 4, parts[0].allSatisfy(\.isNumber) else { return false }
        let unit = parts[1]
        return ["min", "mins", "minute", "minutes", "shares", "share", "photos", "photo", "images", "views"]
            .contains(String(unit))
    }
}

extension FurnitureText {
    /// Action words under a comment: "Reply", "Like (3)", "Report".
    static func isReplyWidget(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let lower = text.lowercased().trimmingASCII(".:!|").trimmingDecorations
        let bare = String(lower.unicodeScalars.filter { $0.isLetter || $0 == " " }).collapsingWhitespace
        return replyWidgets.contains(bare) || replyWidgets.contains(lower)
    }

    static let replyWidgets: Set<String> = [
        "reply", "like", "likes", "report", "share", "flag", "upvote", "downvote", "reply report", "like reply",
        "reply like", "reply flag", "permalink", "edit", "delete", "report abuse", "recommend", "show replies",
        "hide replies", "view replies", "load more replies",
    ]
}

extension String {
    /// The string without arrows, bullets, dashes and spaces around it ("» Read more ›").
    var trimmingDecorations: String {
        let decorations: Set<Unicode.Scalar> = ["»", "›", "→", "•", "·", "–", "—", " ", "\u{00A0}"]
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
            decorations.contains(first) || decorations.contains(last)
        else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, decorations.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, decorations.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
