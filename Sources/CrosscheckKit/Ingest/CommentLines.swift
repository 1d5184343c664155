import Foundation

/// What each line of a copied comment section is: a header with the author and time, a time,
/// a line of buttons, a reply's "Replying to …", or text.
extension CommentSectionSplitter {
    static func classify(_ lines: [String]) -> [Line] {
        lines.map { line in
            // A verified or badge mark after a name ("Sheila Grant ✓") is not part of it.
            let trimmed = withoutVerification(
                line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: " ✓✔☑★⭐🏅")))
            if let count = replyCount(trimmed) { return .replyCount(count) }
            if let actions = actions(trimmed) { return .actions(time: actions.time) }
            if let name = replyingTo(trimmed) { return .replyingTo(name) }
            if let header = header(trimmed) { return .opening(author: header.author, time: header.time) }
            if isTime(trimmed) { return .time(withoutOpener(trimmed.trimmingDecorations)) }
            if PlainTextExtractor.looksLikeName(trimmed) || isHandle(trimmed) { return .author(trimmed) }
            return .text(trimmed)
        }
    }

    /// "Jane Doe · 2 hours ago", "@harbourfan 3h", "@handle  3 days ago (edited)", "Jane Doe wrote:",
    /// "Jane Doe (2 hours ago)".
    static func header(_ line: String) -> (author: String, time: String?)? {
        guard line.count <= 80 else { return nil }
        var line = withoutThreadLinks(line)
        // "#3  Ruth Abernethy | 5 March 2026 at 08:57": the comment's number first.
        if line.hasPrefix("#"), case let number = line.dropFirst().prefix(while: \.isNumber), !number.isEmpty,
            case let rest = line.dropFirst(1 + number.count), rest.first == " "
        {
            line = rest.trimmingCharacters(in: .whitespaces)
        }
        for edited in [" (edited)", " (Edited)", " · edited", " · Edited", " edited"] where line.hasSuffix(edited) {
            line = String(line.dropLast(edited.count))
        }
        func named(_ name: String, _ when: String) -> (author: String, time: String?)? {
            let name = name.trimmingCharacters(in: .whitespaces)
            let when = when.trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
            // "Posted 1 hour ago" is a time, not a comment by "Posted".
            guard !["posted", "commented", "updated", "edited", "published", "on"].contains(name.lowercased()) else { return nil }
            let isName = PlainTextExtractor.looksLikeName(name) || isHandle(name) || isBareUserName(name) || nameAndHandle(name) != nil
            return isName && isTime(when) ? (name, withoutOpener(when)) : nil
        }
        for separator in [" · ", " | ", " • ", " - ", " — ", " – ", ", "] {
            guard let range = line.range(of: separator, options: separator == ", " ? .backwards : []) else { continue }
            if let found = named(String(line[..<range.lowerBound]), String(line[range.upperBound...])) { return found }
        }
        // "u/millbrook_dad · Year 9 parent · 6h": a flair between the name and the time.
        let parts = line.components(separatedBy: " · ")
        if parts.count == 3, parts[1].split(separator: " ").count <= 5, let found = named(parts[0], parts[2]) { return found }
        // "Bruce Hollis · Top commenter — 2 days ago": a badge after the name, the time set apart otherwise.
        for separator in [" — ", " – ", " | "] {
            guard let range = line.range(of: separator, options: .backwards) else { continue }
            let head = String(line[..<range.lowerBound]).components(separatedBy: " · ")
            if head.count == 2, isBadge(head[1]), let found = named(head[0], String(line[range.upperBound...])) { return found }
        }
        // "12:04 PM · Dec 2, 2026 — Odile Marchetti": the time first, then the name.
        for separator in [" — ", " – ", " - ", " · ", " | ", " by "] {
            guard let range = line.range(of: separator, options: .backwards) else { continue }
            let name = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            let when = String(line[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.looksLikeName(name) || isHandle(name), isTime(when) { return (name, withoutOpener(when)) }
        }
        // "Posted by museumfan on Dec 4, 2026 9:30", "Comment by Jane Doe".
        for opener in ["posted by ", "comment by ", "written by ", "submitted by "] where line.lowercased().hasPrefix(opener) {
            let rest = String(line.dropFirst(opener.count))
            for separator in [" on ", " at ", " · ", " | ", " - "] {
                guard let range = rest.range(of: separator) else { continue }
                if let found = named(String(rest[..<range.lowerBound]), String(rest[range.upperBound...])) { return found }
            }
            let name = rest.trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.looksLikeName(name) || isHandle(name) || isBareUserName(name) { return (name, nil) }
        }
        for verb in [" wrote on ", " wrote ", " commented on ", " commented ", " posted on ", " said on "] {
            guard let range = line.range(of: verb) else { continue }
            if let found = named(String(line[..<range.lowerBound]), String(line[range.upperBound...])) { return found }
        }
        // Set apart by spaces alone: the first split that leaves a name before and a time after,
        // the time starting as times do ("3 days ago", "Dec 4", "yesterday").
        for index in line.indices where line[index] == " " {
            let when = String(line[line.index(after: index)...]).trimmingCharacters(in: .whitespaces)
            let first = when.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,()")) } ?? ""
            let startsAsTime =
                first.first?.isNumber == true || CalendarNames.months[first] != nil
                || ["a", "an", "one", "yesterday", "today", "just", "posted", "on"].contains(first)
            if startsAsTime, let found = named(String(line[..<index]), when) { return found }
        }
        if line.hasSuffix(" wrote:") || line.hasSuffix(" says:") {
            let name = String(line[..<(line.range(of: " ", options: .backwards)!.lowerBound)])
            if PlainTextExtractor.looksLikeName(name) || isHandle(name) || isBareUserName(name) { return (name, nil) }
        }
        return nil
    }

    /// "Wendy Kowalchuk @wkowalchuk": a commenter's name followed by their handle, as two parts.
    static func nameAndHandle(_ text: String) -> (name: String, handle: String)? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        let name = String(text[..<space]).trimmingCharacters(in: .whitespaces)
        let handle = String(text[text.index(after: space)...])
        // Beside a handle, a display name may carry digits ("Riders Fan 4 Life").
        let words = name.split(separator: " ")
        let displayName =
            PlainTextExtractor.looksLikeName(name)
            || ((1...5).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true || $0.allSatisfy(\.isNumber) })
        guard handle.hasPrefix("@"), isHandle(handle), displayName else { return nil }
        return (name, handle)
    }

    /// The line without the thread's navigation links after a header ("alice 3 hours ago |
    /// parent | next [–]").
    static func withoutThreadLinks(_ line: String) -> String {
        let parts = line.components(separatedBy: " | ")
        guard parts.count > 1 else { return line }
        let links: Set<String> = [
            "parent", "next", "prev", "root", "context", "flag", "hide", "favorite", "link", "on", "[–]", "[-]", "[+]", "–", "-", "+",
        ]
        var kept = parts.count
        while kept > 1, parts[kept - 1].lowercased().split(separator: " ").allSatisfy({ links.contains(String($0)) }) { kept -= 1 }
        return kept == parts.count ? line : parts[..<kept].joined(separator: " | ")
    }

    /// A short label a site prints beside an author ("Verified subscriber", "Top comment",
    /// "Moderator"): at most three words, no digits, no sentence end.
    static func isBadge(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 30, let last = text.last else { return false }
        // "Member since 2009": a year may close a badge, no other number stands in one.
        let numbers = words.filter { $0.contains(where: \.isNumber) }
        let yearOnly = numbers.count == 1 && numbers[0] == words.last! && numbers[0].count == 4 && numbers[0].allSatisfy(\.isNumber)
        return !".!?:,;\"”".contains(last) && (numbers.isEmpty || yearOnly)
    }

    /// A label a site gives a comment or its author that reads as a name ("Guardian Pick", "Top
    /// fan", "Staff Pick", "Top contributor", "Subscriber"): up to three words ending on a badge's
    /// word.
    static func isBadgeLabel(_ text: String) -> Bool {
        let words = text.lowercased().split(separator: " ")
        let badges: Set<Substring> = ["pick", "fan", "contributor", "commenter", "moderator", "subscriber", "featured", "supporter"]
        return (1...3).contains(words.count) && words.last.map { badges.contains($0) } == true
    }

    /// A one-word role a site shows under a commenter's name: "Author", "Moderator", "Staff".
    static func isRoleLabel(_ text: String) -> Bool {
        ["author", "moderator", "admin", "administrator", "staff", "editor", "mod", "host"].contains(text.lowercased())
    }

    /// One word of letters, digits and `_ . -`, with a digit or an underscore or no capital: a
    /// site's user name.
    static func isBareUserName(_ text: String) -> Bool {
        guard (3...32).contains(text.count), !text.contains(" "), let last = text.last, last.isLetter || last.isNumber else { return false }
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }), text.contains(where: \.isLetter) else {
            return false
        }
        return text.contains { $0.isNumber || $0 == "_" } || text == text.lowercased()
    }

    /// Headings of what follows a thread on a page.
    static func isSectionEnd(_ line: String) -> Bool { FurnitureText.isLinkListHeading(line) || isWidgetCredit(line) }

    /// "Facebook Comments Plugin": an embedded comment widget's own credit under its last comment.
    static func isWidgetCredit(_ line: String) -> Bool { line.lowercased().hasSuffix(" comments plugin") }

    /// The name in "Huw Bellamy, Llanvair": a name, a comma, and a place of one to three capitalised words.
    static func nameWithPlace(_ line: String) -> String? {
        let parts = line.components(separatedBy: ", ")
        guard parts.count == 2, PlainTextExtractor.looksLikeName(parts[0]), parts[0].contains(" "), PlainTextExtractor.looksLikeName(parts[1]),
            parts[1].split(separator: " ").count <= 3
        else { return nil }
        return parts[0]
    }

    /// The name in "Park Ji-hoon (Seoul)": a name and a place of one to three capitalised words in brackets.
    static func nameWithPlaceInParentheses(_ line: String) -> String? {
        guard line.hasSuffix(")"), let open = line.lastIndex(of: "(") else { return nil }
        let name = line[..<open].trimmingCharacters(in: .whitespaces)
        let place = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        guard PlainTextExtractor.looksLikeName(name), name.contains(" "), PlainTextExtractor.looksLikeName(place),
            place.split(separator: " ").count <= 3
        else { return nil }
        return name
    }

    /// A name without the site's note of whether it checked the account: "Ian Threlfall (not verified)".
    static func withoutVerification(_ name: String) -> String {
        for note in [" (not verified)", " (unverified)", " (verified)", " (guest)"] where name.lowercased().hasSuffix(note) {
            return String(name.dropLast(note.count))
        }
        return name
    }

    /// "@jdoe", "u/jdoe", "/u/jdoe": a user name with its site's mark.
    static func isHandle(_ text: String) -> Bool {
        let name: Substring
        if text.hasPrefix("@") {
            name = text.dropFirst()
        } else if text.hasPrefix("u/") {
            name = text.dropFirst(2)
        } else if text.hasPrefix("/u/") {
            name = text.dropFirst(3)
        } else {
            return false
        }
        guard name.count >= 2, name.count <= 32 else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// The time without the word before it: "Posted 1 hour ago" → "1 hour ago".
    static func withoutOpener(_ text: String) -> String {
        let lower = text.lowercased()
        for opener in ["posted on ", "posted ", "commented on ", "commented ", "wrote on ", "on "] where lower.hasPrefix(opener) {
            return String(text.dropFirst(opener.count))
        }
        return text
    }

    /// A relative or absolute time: "2 hours ago", "3h", "5 min", "yesterday", "Mar 3", "10:15 am".
    static func isTime(_ text: String) -> Bool {
        let lower = withoutOpener(text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ()·•")))
        guard !lower.isEmpty, lower.count <= 40 else { return false }
        if PlainTextExtractor.looksLikeTime(lower) { return true }
        // "Dec 3", "3 December": a day of this year.
        let pair = lower.split(separator: " ")
        if pair.count == 2, let day = Int(pair[0].filter(\.isNumber).isEmpty ? pair[1] : pair[0]), (1...31).contains(day),
            pair.contains(where: { CalendarNames.months[String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".,"))] != nil })
        {
            return true
        }
        let withoutEdited = lower.replacingOccurrences(of: " (edited)", with: "").replacingOccurrences(of: " edited", with: "")
        if withoutEdited != lower { return isTime(withoutEdited) }
        let words = lower.split(separator: " ")
        let units = [
            "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour",
            "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks", "mo", "month", "months", "y", "yr", "yrs",
            "year", "years",
        ]
        // "3h", "12m", "2d"
        if words.count == 1, let first = words.first {
            let digits = first.prefix { $0.isNumber }
            let unit = first.dropFirst(digits.count)
            if !digits.isEmpty, units.contains(String(unit)) { return true }
        }
        // "5 min", "2 hours", "an hour ago"
        if words.count == 2 || (words.count == 3 && words[2] == "ago") {
            if (Int(words[0]) != nil || ["a", "an", "one"].contains(words[0])), units.contains(String(words[1])) { return true }
        }
        if DateNormalizer.normalizedOrRaw(text).map({ DateNormalizer.iso8601($0) != nil }) == true, text.count <= 30,
            text.contains(where: \.isNumber)
        {
            return true
        }
        return false
    }

    /// A line of buttons and counts: "Reply", "Like · 12", "12 likes", "Reply Share Report", "↑ 4 ↓".
    static func isActions(_ text: String) -> Bool { actions(text) != nil }

    /// What a line of buttons says about its comment.
    struct ActionLine {
        /// The comment's time, when the site shows it among the buttons.
        var time: String?
    }

    /// A line of buttons and counts, and the time in it ("Like · Reply · 2d"), or `nil` when the
    /// line is not one.
    static func actions(_ text: String) -> ActionLine? {
        guard text.count <= 60 else { return nil }
        if FurnitureText.isReplyWidget(text) { return ActionLine(time: nil) }
        let segments = text.split(whereSeparator: { $0 == "·" || $0 == "|" || $0 == "•" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard segments.contains(where: { !$0.isEmpty }) else { return nil }
        let buttons: Set<String> = [
            "reply", "replies", "like", "likes", "liked", "report", "share", "flag", "upvote", "downvote",
            "upvotes", "downvotes", "votes", "vote", "points", "point", "recommend", "recommended",
            "permalink", "edit", "edited", "delete", "respond", "quote", "↑", "↓", "▲", "▼", "👍", "👎", "♥", "❤️", "❤",
            "(0)", "helpful", "not", "more", "›", "»", "view", "show", "hide", "reaction", "reactions", "rate", "this",
            "comment", "comment:", "oppose", "agree", "disagree", "♡", "🤍", "☆", "★", "up", "down", "dislike", "dislikes", "abuse",
            "award",
        ]
        var sawButton = false
        var time: String?
        for segment in segments where !segment.isEmpty {
            // A time set apart among the buttons ("Like · Reply · 2d") is the comment's.
            if time == nil, segments.count > 1, isTime(segment) {
                time = segment
                continue
            }
            for part in segment.split(separator: " ") {
                let word = part.lowercased()
                let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "()[]+:,›»"))
                if buttons.contains(word) || buttons.contains(bare) {
                    sawButton = true
                    continue
                }
                if Int(bare) != nil { continue }
                return nil
            }
        }
        return sawButton ? ActionLine(time: time) : nil
    }

    /// "2 replies", "1 reply", "Hide 2 replies" on a line of its own: the count over replies the page shows. A
    /// button that would show them ("View 2 replies") means they were folded away, so it is not one.
    static func replyCount(_ line: String) -> Int? {
        var words = line.trimmingDecorations.trimmingCharacters(in: CharacterSet(charactersIn: "▾▼▴▲⌄⌃ ")).lowercased().split(separator: " ")
        // "Hide 2 replies": the button that folds replies the page shows.
        if words.first == "hide" { words.removeFirst() }
        guard words.count == 2, let count = Int(words[0]), count > 0, count < 100,
            words[1] == (count == 1 ? "reply" : "replies")
        else { return nil }
        return count
    }

    /// A header line that names the comment replied to after the time or name ("Posted by Ana Ruiz
    /// on 02/12/2026 13:20 – in reply to Ben Cole", "↳ @rangi_k wrote, replying to @mum:") as two
    /// lines: the header, then "In reply to …".
    static func separatingReply(_ line: String) -> [String] {
        // "Sharon Lindqvist > Jim Caswell": the author, then the comment replied to.
        let sides = line.components(separatedBy: " > ")
        if sides.count == 2, line.count <= 80 {
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            let (name, other) = (sides[0].trimmingCharacters(in: .whitespaces), sides[1].trimmingCharacters(in: .whitespaces))
            if PlainTextExtractor.isCommenterName(name), PlainTextExtractor.isCommenterName(other) {
                return [indent + name, indent + "In reply to " + other]
            }
            // "R. Mackinnon > SeagrassSandy • 4 hours ago": the time after the comment replied to.
            if PlainTextExtractor.isCommenterName(name), let replied = header(other), let time = replied.time {
                return [indent + name + " · " + time, indent + "In reply to " + replied.author]
            }
        }
        // "GrittyNorthern replies to MarionK", "↪ Kay_B replying to Tom Hart": the author, then the
        // comment replied to.
        for verb in [" replies to ", " replied to ", " replying to "] {
            guard line.count <= 80, let range = line.range(of: verb) else { continue }
            let (name, other) = (
                line[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " \t↪↳↩⤷")),
                line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            )
            if PlainTextExtractor.isCommenterName(name), PlainTextExtractor.isCommenterName(other) {
                let indent = String(line.prefix { $0 == " " || $0 == "\t" })
                return [indent + name, indent + "In reply to " + other]
            }
        }
        guard line.count <= 140,
            let range = [" in reply to ", " replying to ", " in response to "].lazy.compactMap({
                line.range(of: $0, options: .caseInsensitive)
            }).first
        else { return [line] }
        var head = line[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " –—-|·,("))
        // "↳ @rangi_k wrote, replying to @waiheru_mum:": the arrow marks the reply, which the
        // "In reply to" line now says.
        head = head.drop { $0 == "↳" || $0 == " " }.description
        var name = line[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ):"))
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        if head.hasSuffix(" wrote") || head.hasSuffix(" says") || head.hasSuffix(" said") { head += ":" }
        name = name.trimmingCharacters(in: .whitespaces)
        // "4 hours ago · in reply to Orla Fitzgerald": the time line under the name says it too.
        guard header(head) != nil || isTime(head), replyingTo("In reply to " + name) != nil else { return [line] }
        return [indent + head, indent + "In reply to " + name]
    }

    /// "Replying to @jdoe", "In reply to Jane Doe", "↳ @jdoe".
    /// A forum's quotation of the comment replied to ("Quote from jdoe: …", "Quoting Jane Doe: …")
    /// names it too; the quoted words are the other comment's, not this one's.
    static func replyingTo(_ line: String) -> String? {
        // "↳ Replying to Ana Ruiz": the arrow, then the words.
        if line.hasPrefix("↳ "), let name = replyingTo(String(line.dropFirst(2))) { return name }
        let lower = line.lowercased()
        // "> Eilidh MacAulay" under a name: the comment replied to, as a threaded widget shows it.
        for prefix in ["replying to ", "in reply to ", "in response to ", "reply to ", "↳ ", "> "] where lower.hasPrefix(prefix) && line.count <= 60 {
            let name = String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.isCommenterName(name) { return name }
        }
        // "Iain Sutherland said:" over the quoted words of the comment replied to.
        if line.hasSuffix(" said:"), line.count <= 60, case let name = String(line.dropLast(6)), PlainTextExtractor.isCommenterName(name) {
            return name
        }
        for prefix in ["quote from ", "quoting ", "originally posted by "] where lower.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let name = String(rest.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.isCommenterName(name) { return name }
        }
        return nil
    }
}
