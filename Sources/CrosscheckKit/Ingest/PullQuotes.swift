internal import Foundation

/// Pull quotes and author bios: paragraphs a page prints beside the story that are not more of it.
enum PullQuotes {
    /// `paragraphs` without those (of at most 40 words) whose words all stand, in order, inside a
    /// longer paragraph: a quotation the page repeats in large type.
    static func removing(from paragraphs: [String]) -> [String] {
        let keys = paragraphs.map(key)
        let repeated = paragraphs.indices.map { index in
            let key = keys[index]
            guard key.count >= 20, paragraphs[index].split(separator: " ").count <= 40 else { return false }
            return keys.indices.contains { $0 != index && keys[$0].count > key.count && keys[$0].contains(key) }
        }
        return paragraphs.indices.compactMap { index in
            if repeated[index] { return nil }
            // The quote's attribution under it ("Priya Anand, route director"): short, no sentence end.
            if index > 0, repeated[index - 1], paragraphs[index].split(separator: " ").count <= 8,
                let last = paragraphs[index].last, !".!?\"”".contains(last)
            {
                return nil
            }
            return paragraphs[index]
        }
    }

    /// `paragraphs` without a bio of the writer at the end: one of the last two paragraphs that
    /// opens with the byline's first name in full and then "is", "covers", "writes" or "reports".
    static func removingBio(from paragraphs: [String], byline: String?) -> [String] {
        guard let byline, paragraphs.count > 1 else { return paragraphs }
        let first = byline.components(separatedBy: ",")[0].components(separatedBy: " and ")[0].trimmingCharacters(in: .whitespaces)
        guard first.contains(" ") else { return paragraphs }
        // "Bec covers transport …": the bio may call the reporter by the first name alone.
        let given = String(first.split(separator: " ")[0])
        var result = paragraphs
        for index in result.indices.suffix(2).reversed() where index < result.count {
            let paragraph = result[index]
            guard paragraph.split(separator: " ").count <= 60,
                let opener = ([first] + (given.count >= 3 ? [given] : [])).first(where: { paragraph.hasPrefix($0 + " ") })
            else { continue }
            let next = paragraph.dropFirst(opener.count + 1).split(separator: " ").first.map(String.init) ?? ""
            guard ["is", "covers", "writes", "reports", "was", "has"].contains(next) else { continue }
            result.remove(at: index)
            // The bio box's heading above it: the name, its role ("Derek Hale | Staff Writer"), or
            // the role on a line of its own ("Transport Reporter").
            var above = index - 1
            while above >= 1, above >= index - 2, isBioHeading(result[above], name: first) {
                result.remove(at: above)
                above -= 1
            }
        }
        return result
    }

    /// "Derek Hale", "Derek Hale | Staff Writer", "Transport Reporter": a short line of capitalised
    /// words with no sentence end, naming the reporter or a role.
    static func isBioHeading(_ line: String, name: String) -> Bool {
        let words = line.split(separator: " ")
        guard (1...8).contains(words.count), let last = line.last, !".!?:\"”".contains(last) else { return false }
        if line.hasPrefix(name) { return true }
        return words.count <= 4 && words.allSatisfy { $0.first?.isUppercase == true || $0 == "|" || $0 == "&" }
    }

    /// Lower-case letters and digits, words set apart by single spaces.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
