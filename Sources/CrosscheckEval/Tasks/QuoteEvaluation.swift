public import CrosscheckKit

/// Quote span F1 and speaker accuracy against annotated attribution relations.
///
/// A found span matches an annotated one when they overlap by at least half of their union (each
/// used once, best overlap first). A speaker is right when the found speaker and the annotated
/// mention share a name word (titles, pronouns and function words aside). Speaker accuracy counts
/// every annotated relation with a named speaker (not a pronoun): one the tool did not find, or
/// found without the right speaker, is wrong.
public struct QuoteEvaluation: Sendable {
    public var found = 0
    public var annotated = 0
    public var matched = 0
    public var directNamed = 0
    public var directRight = 0
    public var allNamed = 0
    public var allRight = 0
    /// Annotated relations no found span touches.
    public var missed = 0
    /// Annotated relations found only with other bounds (overlapping, under half their union).
    public var misBounded = 0
    /// Found spans that touch no annotated relation.
    public var spurious = 0

    public var precision: Double { found == 0 ? 0 : Double(matched) / Double(found) }
    public var recall: Double { annotated == 0 ? 0 : Double(matched) / Double(annotated) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var directSpeakerAccuracy: Double { directNamed == 0 ? 0 : Double(directRight) / Double(directNamed) }
    public var namedSpeakerAccuracy: Double { allNamed == 0 ? 0 : Double(allRight) / Double(allNamed) }

    public init() {}

    static let notNames: Set<String> = [
        "he", "she", "they", "it", "we", "i", "you", "who", "his", "her", "their", "him", "them", "the", "a", "an", "of", "and",
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "governor", "former", "candidate", "said",
    ]

    static func nameWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count > 1 && !notNames.contains($0) })
    }

    static func isPronoun(_ speaker: String) -> Bool { nameWords(speaker).isEmpty }

    /// Adds one article: `items` found in its text against its annotations.
    public mutating func add(_ article: QuoteArticle, items: [SpeechExtraction.Item]) {
        found += items.count
        annotated += article.relations.count
        var pairs: [(Double, Int, Int)] = []
        var touchedGold = Set<Int>()
        var touchedFound = Set<Int>()
        for (g, relation) in article.relations.enumerated() {
            for (p, item) in items.enumerated() {
                let overlap = min(relation.end, item.end) - max(relation.start, item.start)
                guard overlap > 0 else { continue }
                touchedGold.insert(g)
                touchedFound.insert(p)
                let union = max(relation.end, item.end) - min(relation.start, item.start)
                let share = Double(overlap) / Double(union)
                if share >= 0.5 { pairs.append((share, g, p)) }
            }
        }
        var usedGold = Set<Int>()
        var usedFound = Set<Int>()
        var matchOf: [Int: Int] = [:]
        for (_, g, p) in pairs.sorted(by: { $0.0 > $1.0 }) where !usedGold.contains(g) && !usedFound.contains(p) {
            usedGold.insert(g)
            usedFound.insert(p)
            matchOf[g] = p
        }
        matched += matchOf.count
        missed += article.relations.count - touchedGold.count
        misBounded += touchedGold.count - matchOf.count
        spurious += items.count - touchedFound.count
        for (g, relation) in article.relations.enumerated() {
            guard let speaker = relation.speaker, !Self.isPronoun(speaker) else { continue }
            let right = matchOf[g].flatMap { items[$0].speaker }.map { !Self.nameWords($0).isDisjoint(with: Self.nameWords(speaker)) } ?? false
            allNamed += 1
            if right { allRight += 1 }
            if relation.kind == "direct" {
                directNamed += 1
                if right { directRight += 1 }
            }
        }
    }
}
