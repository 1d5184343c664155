internal import Foundation

/// Removes the headline, byline and dateline lines that open an article body, keeping what
/// they say as metadata.
enum ArticleHeaderLines {
    /// Strips header lines from the start of `paragraphs` (at most the first five).
    static func strip(from paragraphs: inout [String], title: String?, byline: inout String?, published: inout String?) {
        var index = 0
        while index < min(paragraphs.count, 5) {
            let line = paragraphs[index]
            if let title, line == title {
                paragraphs.remove(at: index)
                continue
            }
            if let name = bylineName(line) {
                if byline == nil { byline = name }
                paragraphs.remove(at: index)
                continue
            }
            // A name alone on its line just above the dateline (perhaps with the writer's role
            // between) is the byline without its "By", as is one after the writer's role ("Health
            // reporter Tom Adeyemi").
            if byline == nil, opensByline(paragraphs, at: index), let name = isPersonName(line) ? line : roleByline(line) ?? nameAndRole(line) {
                byline = name
                paragraphs.remove(at: index)
                continue
            }
            // "Transport correspondent" under the byline: the writer's role, kept with the name
            // as the page prints it.
            if let name = byline, isRole(line) {
                if !name.contains(",") { byline = name + ", " + line }
                paragraphs.remove(at: index)
                continue
            }
            if isDateline(line) {
                if published == nil { published = DateNormalizer.iso8601(datePart(line.components(separatedBy: " · ")[0])) }
                paragraphs.remove(at: index)
                continue
            }
            index += 1
        }
    }

    /// "By Jane Doe" or "By Jane Doe and Sam Roe, Harbour Herald": the names; "Harbour Herald
    /// staff" or "Harbour Herald Staff Writer": the whole line.
    static func bylineName(_ line: String) -> String? {
        // "Posted by u/localnews": a forum post's author, by the handle the site shows.
        if line.hasPrefix("Posted by "), case let handle = line.dropFirst(10), !handle.contains(" "),
            handle.hasPrefix("u/") || handle.hasPrefix("@"), handle.count >= 4
        {
            return String(handle)
        }
        // "Written by Paul Greene", "Words by …", "Reporting by …": the same as "By …".
        for opener in ["Written by ", "Words by ", "Reporting by ", "Story by ", "By: ", "by: ", "BY: "] where line.hasPrefix(opener) {
            return bylineName("By " + line.dropFirst(opener.count))
        }
        // "ByRachel Denholm": "By" and the name in two elements, copied without a space.
        if line.hasPrefix("By"), line.count > 4, case let rest = line.dropFirst(2), rest.first?.isUppercase == true,
            rest.dropFirst().first?.isLowercase == true, isPersonName(String(rest.prefix { $0 != "," }))
        {
            return bylineName("By " + rest)
        }
        // "By Ana Ruiz December 3, 2026 Facebook X Email": the date and what follows it are not the byline.
        if line.hasPrefix("By ") || line.hasPrefix("by ") || line.hasPrefix("BY "), case let cut = cutAtDate(line), cut != line {
            return bylineName(cut)
        }
        let words = line.split(separator: " ")
        if (2...6).contains(words.count), let first = words.first?.first, first.isUppercase,
            ["staff", "staff writer", "staff writers", "staff reporter", "staff reporters", "newsroom", "news desk"].contains(where: {
                line.lowercased().hasSuffix(" " + $0)
            })
        {
            return ["By ", "by ", "BY "].first(where: line.hasPrefix).map { String(line.dropFirst($0.count)) } ?? line
        }
        guard line.count <= 100, words.count >= 2, words.count <= 14,
            ["by", "By", "BY"].contains(String(words[0]))
        else { return nil }
        let rest = words.dropFirst()
        guard let first = rest.first?.first, first.isUppercase else { return nil }
        if line.hasSuffix(".") && words.count > 6 { return nil }
        var name = cutAtDate(rest.joined(separator: " "))
        for separator in [" | ", " · ", " — ", " - "] {
            if let range = name.range(of: separator) { name = String(name[..<range.lowerBound]) }
        }
        // "By Mia Santos, Bay Times December 4, 2026": the date that ran on is not the byline.
        let nameWords = name.split(separator: " ")
        for count in stride(from: 2, through: min(4, nameWords.count - 1), by: 1) {
            let tail = nameWords.suffix(count)
            let first = tail.first.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,")) } ?? ""
            guard CalendarNames.months[first] != nil || Int(first) != nil else { continue }
            if DateNormalizer.iso8601(tail.joined(separator: " ")) != nil {
                name = nameWords.dropLast(count).joined(separator: " ")
                break
            }
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        // "By Rhian Pritchard Local democracy reporter": the role run on after the name, its comma
        // lost between two elements.
        let parts = name.split(separator: " ")
        if !name.contains(","), parts.count >= 3 {
            for count in 2...min(4, parts.count - 1) {
                let person = parts.prefix(count).joined(separator: " ")
                let role = parts.dropFirst(count).joined(separator: " ")
                if isRole(role), isPersonName(person) { return person + ", " + role }
            }
        }
        return name
    }

    /// Whether the line at `index` starts a byline: "By …", or a person's name (or a role and a
    /// name) with a dateline under it, the writer's role perhaps between.
    static func opensByline(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index]
        if bylineName(line) != nil { return true }
        // A section label in capitals ("WORLD NEWS") is no one's name.
        guard isPersonName(line) && line.contains(where: \.isLowercase) || roleByline(line) != nil || nameAndRole(line) != nil,
            index + 1 < lines.count
        else { return false }
        var next = index + 1
        // A name over the writer's role is a byline wherever the date stands.
        if isRole(lines[next]) {
            guard next + 1 < lines.count else { return false }
            if isPersonName(line) { return true }
            next += 1
        }
        return isDateline(lines[next])
    }

    /// "Tom Pryce, Chief Football Writer": a person's name, a comma and a role; the line as written.
    static func nameAndRole(_ line: String) -> String? {
        let parts = line.components(separatedBy: ", ")
        // "Priya Natarajan Environment correspondent": the role run on after the name, no comma.
        if parts.count == 1 {
            let words = line.split(separator: " ")
            for count in 2...3 where count < words.count {
                let name = words.prefix(count).joined(separator: " ")
                let role = words.dropFirst(count).joined(separator: " ")
                if isPersonName(name), isRole(role) { return name + ", " + role }
            }
            return nil
        }
        guard parts.count == 2, isPersonName(parts[0]) else { return nil }
        // A role, or the outlet the writer files for ("CPN News").
        let outlet = parts[1].split(separator: " ")
        let isOutlet = (1...4).contains(outlet.count) && parts[1].count <= 30 && outlet.allSatisfy { $0.first?.isUppercase == true }
        return isRole(parts[1]) || isOutlet ? line : nil
    }

    /// "Harriet Quayle, Environment correspondent, UBC News" on a page whose masthead reads "UBC
    /// News": the site's own name is not part of the writer's; an edition or outlet the page does
    /// not print on a line of its own ("…, KPB Marches") stays.
    static func withoutMasthead(_ byline: String, pageLines: [String]) -> String {
        let parts = byline.components(separatedBy: ", ")
        guard parts.count >= 3, let last = parts.last, pageLines.prefix(60).contains(last) else { return byline }
        return parts.dropLast().joined(separator: ", ")
    }

    /// A writer's role on its own line: "Transport correspondent", "Senior political reporter".
    static func isRole(_ line: String) -> Bool {
        // "Health correspondent, KPB Marches": the role, then the outlet or edition.
        let parts = line.components(separatedBy: ", ")
        if parts.count == 2, parts[1].count <= 30, parts[1].split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) {
            return isRole(parts[0])
        }
        let words = line.split(separator: " ")
        guard (1...4).contains(words.count), line.count <= 40, let last = words.last, line.first?.isUppercase == true else { return false }
        return ["reporter", "correspondent", "editor", "writer", "columnist", "journalist", "writers", "reporters"].contains(last.lowercased())
    }

    /// `text` up to a date that runs on after the names ("Ana Ruiz December 3, 2026…"): a month's
    /// name followed by a day.
    static func cutAtDate(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        for index in words.indices.dropFirst().dropLast() {
            let month = words[index].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            guard CalendarNames.months[month] != nil, month.count >= 3, words[index + 1].first?.isNumber == true else { continue }
            // "… Editor Fri 12 June 2026": the weekday and the day go with the date.
            var start = index
            while start > 1, case let before = words[start - 1].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,")),
                before.allSatisfy(\.isNumber) || (before.count >= 3 && CalendarNames.weekdays.keys.contains { $0.hasPrefix(before) })
            {
                start -= 1
            }
            return words[..<start].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,·|-"))
        }
        return text
    }

    /// Two to four capitalised words of letters ("Sam Okafor", "Ana de la Cruz" aside): a person's
    /// name as a byline prints it.
    static func isPersonName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...4).contains(words.count), line.count <= 40 else { return false }
        return words.enumerated().allSatisfy { position, word in
            if position > 0, position < words.count - 1, PlainTextExtractor.nameParticles.contains(String(word)) { return true }
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }
        }
    }

    /// The name in "Fatima Noor 2 December 2026": a person's name and then a date, nothing else.
    static func nameBeforeDate(_ line: String) -> String? {
        let words = line.split(separator: " ")
        for count in 2...4 where count < words.count {
            let name = words.prefix(count).joined(separator: " ")
            let rest = words.dropFirst(count)
            let first = rest.first.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,")) } ?? ""
            guard CalendarNames.months[first] != nil || Int(first) != nil || CalendarNames.weekdays[first] != nil else { continue }
            if isPersonName(name), DateNormalizer.iso8601(rest.joined(separator: " ")) != nil { return name }
        }
        return nil
    }

    /// The name in "Health reporter Tom Adeyemi", "Political editor Ana Ruiz": a role ending in a
    /// newsroom title, then a person's name.
    static func roleByline(_ line: String) -> String? {
        let words = line.split(separator: " ")
        guard (3...7).contains(words.count), line.count <= 60 else { return nil }
        let roles: Set<String> = ["reporter", "correspondent", "editor", "writer", "columnist", "journalist"]
        guard let at = words.lastIndex(where: { roles.contains($0.lowercased()) }), at < words.count - 1 else { return nil }
        let name = words[(at + 1)...].joined(separator: " ")
        return isPersonName(name) ? name : nil
    }

    /// "Posted on March 1, 2026 by Dana Whitfield", "Published 3 March 2026 by Ana Ruiz": the
    /// date and the byline of a blog's header line.
    static func postedLine(_ line: String) -> (date: String, byline: String)? {
        guard line.count <= 120, ["Posted", "Published", "posted", "published"].contains(where: line.hasPrefix),
            let by = line.range(of: " by ", options: .backwards)
        else { return nil }
        let datePart = Self.datePart(String(line[..<by.lowerBound]).replacingOccurrences(of: "posted on", with: "Posted on"))
        guard DateNormalizer.iso8601(datePart) != nil, let name = bylineName("By " + line[by.upperBound...]) else { return nil }
        return (datePart, name)
    }

    /// "Published March 3, 2026", "Updated 10:15 a.m. ET, March 3, 2026", "March 3, 2026".
    static func isDateline(_ line: String) -> Bool {
        guard line.count <= 80 else { return false }
        // "Thu 3 Dec 2026 · 4 min read", "Published … · Updated …": a date, then more furniture.
        let parts = line.components(separatedBy: " · ").flatMap { $0.components(separatedBy: " | ") }.flatMap { $0.components(separatedBy: " / ") }
        if parts.count > 1 {
            // "Updated 16:20": a time of the same day.
            return isDateline(parts[0])
                && parts.dropFirst().allSatisfy {
                    isDateline($0) || FurnitureText.isFurniture($0) || PlainTextExtractor.looksLikeTime(datePart($0))
                }
        }
        let lower = line.lowercased()
        if isRelativeTime(datePart(line)) { return true }
        let openers = ["published", "updated", "posted", "first published", "last updated", "last modified", "date:"]
        if openers.contains(where: lower.hasPrefix), isDate(datePart(line)) { return true }
        // "Published" on a line of its own, the date on the next.
        if openers.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: " :"))) { return true }
        return isDate(line) && line.split(separator: " ").count <= 8
    }

    /// "11 hours ago", "a day ago", "3 mins ago": a page's dateline as the time since publishing.
    static func isRelativeTime(_ text: String) -> Bool {
        let words = text.lowercased().split(separator: " ")
        guard words.count == 3, words[2] == "ago", Int(words[0]) != nil || ["a", "an", "one"].contains(words[0]) else { return false }
        let unit = words[1].hasSuffix("s") ? words[1].dropLast() : words[1]
        return ["second", "sec", "minute", "min", "hour", "hr", "day", "week", "month"].contains(unit)
    }

    /// A date ``DateNormalizer`` reads, or a numeric one whose day and month could be either way.
    static func isDate(_ text: String) -> Bool {
        DateNormalizer.iso8601(text) != nil || DateNormalizer.isAmbiguousNumericDate(text)
    }

    static func datePart(_ line: String) -> String {
        var text = line
        for opener in [
            "Published on", "Published:", "Published", "Updated:", "Updated", "Posted on", "Posted",
            "First published", "Last updated", "Last modified on", "Last modified", "Date:",
        ] where text.hasPrefix(opener) {
            text = String(text.dropFirst(opener.count))
        }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: " :"))
    }
}
