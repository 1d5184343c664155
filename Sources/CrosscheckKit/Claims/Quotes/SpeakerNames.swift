import Foundation

/// A speaker mention resolved to the fullest name the article gave before it: a pronoun ("he",
/// "she") to the person named last (as a speaker or anywhere in the text), a surname ("Clinton")
/// to the earlier mention that holds it ("Hillary Clinton").
struct SpeakerNames {
    static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "you", "it", "who", "him", "her", "them", "us", "me"]

    /// Words that end a name and start the rest of the sentence ("… on Tuesday", "… in a statement").
    static let afterName: Set<String> = [
        "on", "in", "at", "during", "after", "before", "yesterday", "today", "tonight", "earlier", "later", "last", "this", "when", "while",
    ]

    /// Names in text order, with the offset where each was given.
    private(set) var names: [(offset: Int, name: String)] = []

    /// Starts from the people the text names anywhere (names with at least two words).
    init(people: [EntityMention]) {
        names = people.filter { $0.kind == .person && $0.text.contains(" ") }.map { ($0.start, $0.text) }
    }

    /// The name in a speaker mention: an apposition after a comma or parenthesis cut off
    /// ("Ray Duarte, who voted against the plan" → "Ray Duarte"), and the titles before a
    /// capitalised name ("Defence Minister Tomas Berg" → "Tomas Berg", "Dr. Amara Osei" → "Amara Osei").
    /// A name followed by words of the sentence ("Jan Novak on Tuesday", "Ray Duarte in a
    /// statement") keeps its capitalised words alone.
    static func name(in mention: String) -> String {
        var words = mention.split(whereSeparator: { $0 == "," || $0 == "(" }).first.map { $0.split(separator: " ").map(String.init) } ?? []
        if let end = words.indices.first(where: { !(words[$0].first?.isUppercase ?? false) }), end > 0,
            Self.afterName.contains(words[end].lowercased())
        {
            words.removeSubrange(end...)
        }
        if let lastTitle = words.lastIndex(where: { EntityRecognizer.isTitle($0) }), lastTitle + 1 < words.count,
            words[(lastTitle + 1)...].allSatisfy({ $0.first?.isUppercase == true }),
            words[...lastTitle].allSatisfy({ $0.first?.isUppercase == true })
        {
            words.removeFirst(lastTitle + 1)
        }
        let name = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? mention : name
    }

    /// Whether `mention` names someone (a capitalised word that is not a pronoun).
    static func isName(_ mention: String) -> Bool {
        mention.split(separator: " ").contains { word in
            word.first?.isUppercase == true && !pronouns.contains(word.lowercased())
        }
    }

    /// Records a speaker named at `offset`.
    mutating func add(_ mention: String, at offset: Int) {
        let index = names.firstIndex { $0.offset > offset } ?? names.count
        names.insert((offset, mention), at: index)
    }

    /// The earlier name `mention` (at `offset`) stands for, or `nil` when it is a name of its own
    /// or stands for none.
    func resolve(_ mention: String, at offset: Int) -> String? {
        let earlier = names.filter { $0.offset < offset }.map(\.name)
        let words = mention.split(separator: " ").map { String($0) }
        if words.count == 1, Self.pronouns.contains(words[0].lowercased()) {
            return ["he", "she", "him", "her", "who"].contains(words[0].lowercased()) ? earlier.last : nil
        }
        let capitalised = words.filter { $0.first?.isUppercase == true }
        guard capitalised.count == 1, let surname = capitalised.first else { return nil }
        return earlier.last { name in
            name.count > mention.count && name.split(whereSeparator: { $0 == " " || $0 == "," }).contains { $0 == surname }
        }
    }
}
