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
        /// "2 replies": that many of the comments below reply to the one above.
        case replyCount(Int)
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
        (kinds, indents) = namesOverTheirPlaceAndTime(kinds, indents)
        (kinds, indents) = withoutQuotedLines(kinds, indents)
        // "Name" / "in reply to Name" / "4h ago": the reply line read after the time, so the
        // author and the time still open the comment together.
        for index in kinds.indices.dropLast(2) {
            guard case .replyingTo = kinds[index + 1], case .time = kinds[index + 2] else { continue }
            kinds.swapAt(index + 1, index + 2)
            indents.swapAt(index + 1, index + 2)
        }
        // A user name written as one bare word ("civic_voice_88") is an author when a time follows
        // it, as is a name with the writer's town ("Huw Bellamy, Llanvair").
        for index in kinds.indices.dropLast() {
            guard case .text(let line) = kinds[index] else { continue }
            if case .time = kinds[index + 1] {
                if isBareUserName(line) { kinds[index] = .author(line) }
                if let name = nameWithPlaceInParentheses(line) { kinds[index] = .author(name) }
                if let name = nameWithPlace(line) { kinds[index] = .author(name) }
            } else if case .text = kinds[index + 1], let name = nameWithPlaceInParentheses(line),
                index == 0 || isActions(kinds[index - 1]) || !kinds[..<index].contains(where: isAuthorOrOpening)
            {
                // "Trish Malone (Tarrabool)" over text, where a comment can start: a site that
                // puts the time among the buttons below.
                kinds[index] = .author(name)
            }
        }
        // Two names over a time: the second is the comment replied to when it names an earlier
        // commenter ("Fenland Jack" / "  Hedgerow Harry" / "• 3 days ago"); otherwise the first
        // is a rank that reads as a name ("Club Ambassador") over the author.
        func name(at index: Int) -> String? {
            switch kinds[index] {
            case .author(let name): return name
            case .text(let line) where isBareUserName(line): return line
            default: return nil
            }
        }
        var earlier: Set<String> = []
        for index in kinds.indices {
            if case .opening(let name, _) = kinds[index] { earlier.insert(name) }
            guard let first = name(at: index) else { continue }
            guard index + 2 < kinds.count, let second = name(at: index + 1), case .time = kinds[index + 2] else {
                if case .author = kinds[index] { earlier.insert(first) }
                continue
            }
            // "Amelia_Ross" / "Guardian Pick" / "4h ago": a site's label for the comment under its author.
            if !earlier.contains(second), isBadgeLabel(second) {
                kinds[index] = .author(first)
                kinds[index + 1] = .text(second)
                earlier.insert(first)
                continue
            }
            if earlier.contains(second) {
                kinds[index] = .author(first)
                kinds[index + 1] = kinds[index + 2]
                kinds[index + 2] = .replyingTo(second)
                indents.swapAt(index + 1, index + 2)
                earlier.insert(first)
            } else if case .author = kinds[index] {
                kinds[index] = .text(first)
            }
        }
        // Badges: between an author and the time, on a line of their own above an author, or
        // under an author and over the text when the page shows the same label under another
        // author too ("Rob Tennant" / "Top fan" / text).
        let underAuthors = kinds.indices.compactMap { index -> String? in
            guard index > 0, index + 1 < kinds.count, case .author = kinds[index - 1], case .text(let line) = kinds[index],
                case .text = kinds[index + 1], isBadge(line)
            else { return nil }
            return line
        }
        let repeated = Set(Dictionary(grouping: underAuthors, by: { $0 }).filter { $0.value.count >= 2 }.keys)
        let badges = Set(
            kinds.indices.filter { index in
                if isBadge(at: index, in: kinds) { return true }
                // "Harbour FM" / "Author" / text: the site's role for the one above.
                if index > 0, case .author = kinds[index - 1], case .author(let line) = kinds[index], isRoleLabel(line) { return true }
                guard index > 0, case .author = kinds[index - 1], case .text(let line) = kinds[index] else { return false }
                return repeated.contains(line)
            })
        indents = indents.indices.filter { !badges.contains($0) }.map { indents[$0] }
        kinds = kinds.indices.filter { !badges.contains($0) }.map { kinds[$0] }
        // The page goes on after the thread: "Most read", "Related stories" end it.
        if let end = kinds.firstIndex(where: {
            switch $0 {
            case .text(let line): return isSectionEnd(line)
            case .author(let line): return isWidgetCredit(line)
            default: return false
            }
        }) {
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
        // The comment a "2 replies" line stands under, and how many of the comments after it reply to it.
        var pending: (id: String, remaining: Int)?
        // The latest comment by each handle shown beside a name ("Wendy Kowalchuk @wkowalchuk").
        var handles: [String: String] = [:]
        var closedByActions = 0
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
            if let named = nameAndHandle(name) {
                author = named.name
                handles[named.handle.lowercased()] = "c\(comments.count + 1)"
            }
            time = when
            open = true
            // The nearest comment above indented less is the one replied to.
            while let last = openings.last, last.indent >= indent { openings.removeLast() }
            if let top, indent > top.indent {
                parent = openings.last?.id ?? top.id
            } else if let replied = pending, replied.remaining > 0 {
                parent = replied.id
                pending = (replied.id, replied.remaining - 1)
            } else {
                top = ("c\(comments.count + 1)", indent)
                pending = nil
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
                    }?.id ?? handles["@" + key.lowercased()]
            case .actions(let when):
                if open, time == nil, let when { time = when }
                if open { closedByActions += 1 }
                close()
            case .replyCount(let count):
                // "2 replies" under a comment, the replies shown below it without indentation.
                close()
                pending = top.map { ($0.id, count) }
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
        // Where comments end with their buttons, short lines after the last one's buttons are the
        // page's footer links ("About" / "Contact us" / "Privacy Policy"), not a comment.
        let linkLike = text.count { $0.split(separator: " ").count <= 4 && !".!?".contains($0.last ?? " ") }
        if open, closedByActions >= 2, linkLike >= 3, linkLike >= text.count - 1 {
            text = []
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

    /// "Gareth Pryce" / "Cardiff · 3 hours ago": a name where a comment can start, over a line
    /// that gives the writer's town and the time, opens the comment; "Replying to Name" above
    /// such a name is read after it.
    static func namesOverTheirPlaceAndTime(_ kinds: [Line], _ indents: [Int]) -> ([Line], [Int]) {
        // "Name" / "Replying to Other" / "Town · 2 hours ago": the reply line may stand between.
        func header(after index: Int) -> Int? {
            var next = index + 1
            if next < kinds.count, case .replyingTo = kinds[next] { next += 1 }
            return next < kinds.count ? next : nil
        }
        // The layout shows it more than once: a lone "Submit" over "Ravi G 4 hours ago" is a button.
        let overHeaders = kinds.indices.count { index in
            guard case .author = kinds[index], let next = header(after: index), case .opening = kinds[next] else { return false }
            return true
        }
        var lines: [(Line, Int)] = []
        var index = 0
        while index < kinds.count {
            // Where a comment can start: first in the section, or after the last one's buttons.
            let canStart: Bool = {
                guard let previous = lines.last?.0 else { return true }
                switch previous {
                case .actions, .replyingTo, .replyCount: return true
                default: return !lines.contains { isAuthorOrOpening($0.0) }
                }
            }()
            if canStart, let next = header(after: index), case .author(let name) = kinds[index] {
                var opening: Line?
                switch kinds[next] {
                case .opening(_, let time) where overHeaders >= 2: opening = .opening(author: name, time: time)
                case .time(let time): opening = .opening(author: name, time: time)
                default: break
                }
                if let opening {
                    var replying: (Line, Int)?
                    if let last = lines.last, case .replyingTo = last.0 { replying = lines.removeLast() }
                    if next == index + 2 { replying = (kinds[index + 1], indents[index + 1]) }
                    lines.append((opening, indents[index]))
                    if let replying { lines.append(replying) }
                    index = next + 1
                    continue
                }
            }
            lines.append((kinds[index], indents[index]))
            index += 1
        }
        return (lines.map(\.0), lines.map(\.1))
    }

    /// "Name said:" / "> the words quoted" / the reply: the quoted lines are the other comment's.
    static func withoutQuotedLines(_ kinds: [Line], _ indents: [Int]) -> ([Line], [Int]) {
        var keep = [Bool](repeating: true, count: kinds.count)
        var quoting = false
        for index in kinds.indices {
            switch kinds[index] {
            case .replyingTo: quoting = true
            case .text(let line) where quoting && (line.hasPrefix("> ") || line.hasPrefix("›")): keep[index] = false
            default: quoting = false
            }
        }
        return (kinds.indices.filter { keep[$0] }.map { kinds[$0] }, indents.indices.filter { keep[$0] }.map { indents[$0] })
    }

    static func isAuthorOrOpening(_ line: Line) -> Bool {
        switch line {
        case .author, .opening: return true
        default: return false
        }
    }

    static func isActions(_ line: Line) -> Bool {
        if case .actions = line { return true }
        return false
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
                // The first name in the section, under its count and sort lines.
                guard index > 0, kinds[..<index].contains(where: isAuthorOrOpening) else { return true }
                if case .actions = kinds[index - 1] { return true }
                return false
            default: return false
            }
        default: return false
        }
    }
}
