import Foundation

/// Splits a comment section copied from a browser into single comments with their authors and
/// times, whatever the site's layout: a header line ("Jane Doe · 2 hours ago", "u/handle · 3h"), an
/// author line followed by a time line, or an author line alone after the previous comment's
/// actions, opens a comment; the text runs until the next opening or a line of actions ("Reply",
/// "Like · 12", "Like · Reply · 2d" — whose time is the comment's), which closes it. "Replying to
/// @x" links a reply to that author's latest comment. Lines without letters (vote counts,
/// bullets) and whatever stands above the first comment (counts, sort and sign-in lines) are
/// furniture. Blank lines do not matter in this mode.
///
/// Used when at least two comment openings are found; otherwise the section is read a comment per
/// paragraph or per line.
enum CommentSectionSplitter {
    enum Line: Equatable {
        case opening(author: String, time: String?)
        case author(String)
        case time(String)
        case replyingTo(String)
        /// A line of buttons and counts, with the comment's time when the site puts it there.
        case actions(time: String?)
        case text(String)
    }

    /// The comments, or `nil` when the section does not show author and time structure. Lines
    /// come as copied: a comment whose opening is indented deeper than the comment before it at
    /// the top level replies to that comment.
    static func split(_ lines: [String]) -> [Comment]? {
        // Lines without letters are vote counts and bullets, unless they are a time ("2026.12.04 10:15").
        let kept = lines.flatMap(Self.separatingReply).filter { line in
            line.contains { $0.isLetter } || isTime(line.trimmingCharacters(in: .whitespaces))
        }
        var indents = kept.map { line in line.prefix { $0 == " " || $0 == "\t" }.count }
        var kinds = classify(kept)
        // A user name written as one bare word ("civic_voice_88") is an author when a time follows
        // it, as is a name with the writer's town ("Huw Bellamy, Llanvair").
        for index in kinds.indices.dropLast() {
            guard case .text(let line) = kinds[index], case .time = kinds[index + 1] else { continue }
            if isBareUserName(line) { kinds[index] = .author(line) }
            if let name = nameWithPlaceInParentheses(line) { kinds[index] = .author(name) }
            if let name = nameWithPlace(line) { kinds[index] = .author(name) }
        }
        // A rank that reads as a name ("Club Ambassador") over the author and the time is a badge.
        for index in kinds.indices.dropLast(2) {
            guard case .author(let rank) = kinds[index], case .author = kinds[index + 1], case .time = kinds[index + 2] else { continue }
            kinds[index] = .text(rank)
        }
        // Badges: between an author and the time, or on a line of their own above an author.
        let badges = Set(kinds.indices.filter { isBadge(at: $0, in: kinds) })
        indents = indents.indices.filter { !badges.contains($0) }.map { indents[$0] }
        kinds = kinds.indices.filter { !badges.contains($0) }.map { kinds[$0] }
        // The page goes on after the thread: "Most read", "Related stories" end it.
        if let end = kinds.firstIndex(where: { if case .text(let line) = $0 { return isSectionEnd(line) } else { return false } }) {
            kinds = Array(kinds[..<end])
            indents = Array(indents[..<end])
        }
        // Openings with a time or a header decide where comments start; only a site that shows
        // neither is read by author lines alone.
        (kinds, indents) = signaturesFirst(kinds, indents)
        let strong = kinds.indices.filter { opens(kinds, at: $0, strongOnly: true) }
        // Where every comment shows its author with a time, a name alone is no comment's opening,
        // and lines after a comment's buttons and before the next opening are the page's.
        let headed = strong.count >= 2
        let starts = headed ? strong : kinds.indices.filter { opens(kinds, at: $0, strongOnly: false) }
        guard starts.count >= 2, let first = starts.first else { return nil }
        // Above the first comment stand the section's count, sort and sign-in lines.
        kinds = Array(kinds[first...])
        indents = Array(indents[first...])

        var comments: [Comment] = []
        var author: String?
        var time: String?
        var parent: String?
        var text: [String] = []
        var open = false
        // The latest top-level comment: its id and how deep its opening was indented.
        var top: (id: String, indent: Int)?
        // The comments opened so far that deeper ones may reply to, each indented more than the last.
        var openings: [(id: String, indent: Int)] = []
        func close() {
            let body = text.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            // "@Joan Pottie Same story here": a reply that opens by naming an earlier commenter.
            if open, parent == nil, body.hasPrefix("@") {
                parent =
                    comments.last { earlier in
                        guard let name = earlier.author, name.count >= 3 else { return false }
                        let rest = body.dropFirst()
                        return rest.hasPrefix(name) && (rest.count == name.count || !rest.dropFirst(name.count).first!.isLetter)
                    }?.id
            }
            if open, !body.isEmpty {
                comments.append(
                    Comment(
                        id: "c\(comments.count + 1)", author: author, time: time.flatMap(DateNormalizer.normalizedOrRaw), text: body,
                        parent: parent))
            }
            text = []
            open = false
            parent = nil
        }
        func start(_ name: String, _ when: String?, indent: Int) {
            close()
            author = name
            time = when
            open = true
            // The nearest comment above indented less is the one replied to.
            while let last = openings.last, last.indent >= indent { openings.removeLast() }
            if let top, indent > top.indent {
                parent = openings.last?.id ?? top.id
            } else {
                top = ("c\(comments.count + 1)", indent)
            }
            openings.append(("c\(comments.count + 1)", indent))
        }
        var index = 0
        while index < kinds.count {
            switch kinds[index] {
            case .opening(let name, let when):
                start(name, when, indent: indents[index])
            case .author(let name):
                if index + 1 < kinds.count, case .time(let when) = kinds[index + 1] {
                    start(name, when, indent: indents[index])
                    index += 1
                } else if !headed, !open || text.isEmpty {
                    // A name alone before any text: the site shows no time.
                    start(name, nil, indent: indents[index])
                } else if open {
                    text.append(name)
                }
            case .time(let when):
                // Before the text, or as its last line above the buttons ("02.12.2026, 07:48").
                let closesText: Bool = {
                    guard index + 1 < kinds.count else { return true }
                    if case .actions = kinds[index + 1] { return true }
                    return false
                }()
                if open && (text.isEmpty || closesText) { time = time ?? when }
            case .replyingTo(let name):
                let key = name.hasPrefix("@") ? String(name.dropFirst()) : name
                parent =
                    comments.last {
                        ($0.author ?? "").caseInsensitiveCompare(key) == .orderedSame
                            || ($0.author ?? "").caseInsensitiveCompare("@" + key) == .orderedSame
                    }?.id
            case .actions(let when):
                if open, time == nil, let when { time = when }
                close()
            case .text(let line):
                if !open, headed {
                    index += 1
                    continue
                }
                if !open {
                    // Text with no opening of its own: a comment whose author the page does not show.
                    open = true
                    author = nil
                    time = nil
                }
                text.append(line)
            }
            index += 1
        }
        close()
        return comments
    }

    /// A section that signs each comment below its text ("text" / "Derek Holt | 2 Dec 2026 14:05" /
    /// "Recommend · Report"), read as if each signature stood above its text: when every header
    /// comes right before the buttons and after text.
    static func signaturesFirst(_ kinds: [Line], _ indents: [Int]) -> ([Line], [Int]) {
        let openings = kinds.indices.filter { if case .opening = kinds[$0] { return true } else { return false } }
        guard openings.count >= 2,
            openings.allSatisfy({ index in
                guard index > 0, index + 1 < kinds.count, case .text = kinds[index - 1] else { return false }
                if case .actions = kinds[index + 1] { return true }
                return false
            })
        else { return (kinds, indents) }
        var lines = Array(zip(kinds, indents))
        for opening in openings {
            var start = opening
            while start > 0, case .text = lines[start - 1].0 { start -= 1 }
            let moved = lines.remove(at: opening)
            lines.insert(moved, at: start)
        }
        return (lines.map(\.0), lines.map(\.1))
    }

    /// Whether the line at `index` is a badge: between an author and the time, or on a line of
    /// its own above an author where a comment can start.
    static func isBadge(at index: Int, in kinds: [Line]) -> Bool {
        guard case .text(let line) = kinds[index], isBadge(line) else { return false }
        if index > 0, index + 1 < kinds.count, case .author = kinds[index - 1], case .time = kinds[index + 1] { return true }
        if index > 0 {
            guard case .actions = kinds[index - 1] else { return false }
        }
        guard index + 2 < kinds.count, case .author = kinds[index + 1] else { return false }
        if case .time = kinds[index + 2] { return true }
        if index + 3 < kinds.count, case .text(let next) = kinds[index + 2], isBadge(next), case .time = kinds[index + 3] { return true }
        return false
    }

    /// Whether the line at `index` opens a comment: a header, an author with a time after it, or
    /// (unless `strongOnly`) an author alone with text after it where a comment can start (first,
    /// or after actions).
    static func opens(_ kinds: [Line], at index: Int, strongOnly: Bool) -> Bool {
        switch kinds[index] {
        case .opening: return true
        case .author:
            guard index + 1 < kinds.count else { return false }
            switch kinds[index + 1] {
            case .time: return true
            case .text:
                guard !strongOnly else { return false }
                guard index > 0 else { return true }
                if case .actions = kinds[index - 1] { return true }
                return false
            default: return false
            }
        default: return false
        }
    }

    static func classify(_ lines: [String]) -> [Line] {
        lines.map { line in
            // A verified or badge mark after a name ("Sheila Grant ✓") is not part of it.
            let trimmed = withoutVerification(
                line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: " ✓✔☑★⭐🏅")))
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
        for edited in [" (edited)", " (Edited)", " · edited", " · Edited", " edited"] where line.hasSuffix(edited) {
            line = String(line.dropLast(edited.count))
        }
        func named(_ name: String, _ when: String) -> (author: String, time: String?)? {
            let name = name.trimmingCharacters(in: .whitespaces)
            let when = when.trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
            // "Posted 1 hour ago" is a time, not a comment by "Posted".
            guard !["posted", "commented", "updated", "edited", "published", "on"].contains(name.lowercased()) else { return nil }
            let isName = PlainTextExtractor.looksLikeName(name) || isHandle(name) || isBareUserName(name)
            return isName && isTime(when) ? (name, withoutOpener(when)) : nil
        }
        for separator in [" · ", " | ", " • ", " - ", " — ", " – ", ", "] {
            guard let range = line.range(of: separator, options: separator == ", " ? .backwards : []) else { continue }
            if let found = named(String(line[..<range.lowerBound]), String(line[range.upperBound...])) { return found }
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
            if PlainTextExtractor.looksLikeName(name) || isHandle(name) { return (name, nil) }
        }
        return nil
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
    static func isSectionEnd(_ line: String) -> Bool { FurnitureText.isLinkListHeading(line) }

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
            "comment", "comment:", "oppose", "agree", "disagree", "♡", "🤍", "☆", "★",
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
                let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "()[]+:›»"))
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

    /// A header line that names the comment replied to after the time ("Posted by Ana Ruiz on
    /// 02/12/2026 13:20 – in reply to Ben Cole") as two lines: the header, then "In reply to …".
    static func separatingReply(_ line: String) -> [String] {
        guard line.count <= 140, let range = line.range(of: " in reply to ", options: .caseInsensitive) else { return [line] }
        let head = line[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " –—-|·,("))
        let name = line[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " )"))
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        guard header(head.trimmingCharacters(in: .whitespaces)) != nil, replyingTo("In reply to " + name) != nil else { return [line] }
        return [indent + head.trimmingCharacters(in: .whitespaces), indent + "In reply to " + name]
    }

    /// "Replying to @jdoe", "In reply to Jane Doe", "↳ @jdoe".
    /// A forum's quotation of the comment replied to ("Quote from jdoe: …", "Quoting Jane Doe: …")
    /// names it too; the quoted words are the other comment's, not this one's.
    static func replyingTo(_ line: String) -> String? {
        // "↳ Replying to Ana Ruiz": the arrow, then the words.
        if line.hasPrefix("↳ "), let name = replyingTo(String(line.dropFirst(2))) { return name }
        let lower = line.lowercased()
        for prefix in ["replying to ", "in reply to ", "reply to ", "↳ "] where lower.hasPrefix(prefix) && line.count <= 60 {
            let name = String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.looksLikeName(name) || isHandle(name) || isBareUserName(name) { return name }
        }
        for prefix in ["quote from ", "quoting ", "originally posted by "] where lower.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let name = String(rest.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
            if PlainTextExtractor.looksLikeName(name) || isHandle(name) || isBareUserName(name) { return name }
        }
        return nil
    }
}
