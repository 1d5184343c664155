internal import Foundation

/// A pasted comment section's lines brought to the shape ``CommentSectionSplitter`` reads (name,
/// "replying to", time, text): avatars drawn as initials and place or badge lines dropped, reply
/// arrows before a name turned into indentation, a "Replying to" line above the name moved under it.
extension PlainTextExtractor {
    /// The passes in the order they must run.
    static func normalizedCommentLines(_ lines: [String]) -> [String] {
        withReplyLinesAfterNames(withoutPlaceLines(withReplyArrowsAsIndents(withoutInitialAvatars(lines))))
    }

    /// The lines without avatars drawn as initials: "MO" over "Maureen Oldfield", or over
    /// "Maureen Oldfield — 2 days ago"; "DW" over the user name "dai_wyn · 9h ago".
    static func withoutInitialAvatars(_ lines: [String]) -> [String] {
        lines.indices.compactMap { index in
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard (1...3).contains(line.count), line.allSatisfy(\.isUppercase), index + 1 < lines.count else { return lines[index] }
            var next = lines[index + 1].trimmingCharacters(in: .whitespaces)
            for separator in [" — ", " – ", " · ", " • ", " | "] {
                if let range = next.range(of: separator) { next = String(next[..<range.lowerBound]) }
            }
            next = next.trimmingCharacters(in: .whitespaces)
            let initials = String(next.split(separator: " ").compactMap(\.first).filter(\.isUppercase))
            if looksLikeName(next) && initials == line { return nil }
            // A user name's parts: "dai_wyn", "sea.view-jan".
            let parts = next.split { "_.- ".contains($0) }.filter { $0.first?.isLetter == true }
            let partInitials = String(parts.compactMap(\.first)).uppercased()
            return parts.count >= 2 && partInitials == line && isCommenterName(next) ? nil : lines[index]
        }
    }

    /// "↳ Replying to Gazza1974" over "MrsB_Kent" and the time, or over "@MrsB_Kent · 4h": the line
    /// that names the parent is read after the author's name, where the section's other layouts put it.
    static func withReplyLinesAfterNames(_ lines: [String]) -> [String] {
        var result = lines
        var index = 0
        while index + 1 < result.count {
            let line = result[index].trimmingCharacters(in: .whitespaces)
            let name = result[index + 1].trimmingCharacters(in: .whitespaces)
            let opensReply =
                CommentSectionSplitter.replyingTo(line) != nil
                && (line.lowercased().contains("replying to") || line.lowercased().contains("reply to"))
            let named =
                index + 2 < result.count && isCommenterName(name)
                && CommentSectionSplitter.isTime(result[index + 2].trimmingCharacters(in: .whitespaces))
            if opensReply, named || CommentSectionSplitter.header(name)?.time != nil {
                result.swapAt(index, index + 1)
                index += 2
            } else {
                index += 1
            }
        }
        return result
    }

    /// "↳ Per-Erik Solheim" over "replying to Kari Nygaard": the arrows mark the reply's own author
    /// (one a level), so they become indentation; a lone "↳ Name" still names the parent.
    static func withReplyArrowsAsIndents(_ lines: [String]) -> [String] {
        lines.indices.map { index in
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            let arrows = line.prefix { $0 == "↳" }.count
            guard arrows > 0, index + 1 < lines.count,
                CommentSectionSplitter.replyingTo(lines[index + 1].trimmingCharacters(in: .whitespaces)) != nil
            else { return lines[index] }
            let name = line.dropFirst(arrows).trimmingCharacters(in: .whitespaces)
            guard isCommenterName(name) else {
                return lines[index]
            }
            return String(repeating: "    ", count: arrows) + name
        }
    }

    /// The lines without the place or badge a site prints between a commenter's name (or the
    /// "replying to" under it) and the time, on a line of its own ("Leeds, United Kingdom",
    /// "Journalist, NT English").
    static func withoutPlaceLines(_ lines: [String]) -> [String] {
        lines.indices.compactMap { index in
            guard index > 0, index + 1 < lines.count else { return lines[index] }
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            let above = lines[index - 1].trimmingCharacters(in: .whitespaces)
            let parts = line.components(separatedBy: ", ")
            let place =
                (2...3).contains(parts.count) && line.count <= 48 && !line.contains(where: \.isNumber)
                && parts.allSatisfy { part in
                    let words = part.split(separator: " ")
                    return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
                }
            let named =
                isCommenterName(above)
                || CommentSectionSplitter.replyingTo(above) != nil
            return place && named && CommentSectionSplitter.isTime(lines[index + 1].trimmingCharacters(in: .whitespaces)) ? nil : lines[index]
        }
    }

    /// A commenter as a section prints them: a person's name, a handle or a bare user name.
    static func isCommenterName(_ text: String) -> Bool {
        looksLikeName(text) || CommentSectionSplitter.isHandle(text) || CommentSectionSplitter.isBareUserName(text)
    }
}
