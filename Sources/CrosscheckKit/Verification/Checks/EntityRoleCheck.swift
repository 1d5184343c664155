/// Finds a passage that tells the claim's story with someone else in the role: the claim names a
/// person or body the passage never mentions, and the passage names another of the same kind.
public struct EntityRoleCheck: StanceCheck {
    public init() {}

    /// How much of the claim's other words the passage must share.
    public var minimumCoverage = 0.7

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        let passageWords = Set(passage.words)
        let claimWords = Set(claim.words)
        for entity in claim.entities where entity.kind == .person || entity.kind == .organization {
            let key = Self.keyWords(entity)
            guard !key.isEmpty, passageWords.isDisjoint(with: key) else { continue }
            let others = passage.entities.filter { other in
                other.kind == entity.kind && claimWords.isDisjoint(with: Self.keyWords(other))
            }
            guard let other = others.first else { continue }
            let coverage = passage.coverage(of: claim, excluding: Set(RetrievalTerms.terms(entity.text)))
            guard coverage >= minimumCoverage else { continue }
            return [
                CheckFinding(
                    check: "entity", effect: .refutes, strength: 0.45 + 0.3 * coverage,
                    reason: "the claim names \(entity.text) where the source names \(other.text)")
            ]
        }
        return []
    }

    /// The words that identify an entity: a person's surname, an organisation's words.
    static func keyWords(_ entity: EntityMention) -> Set<String> {
        let words = entity.text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        if entity.kind == .person, let last = words.last { return [last] }
        return Set(words.filter { !Stopwords.english.contains($0) })
    }
}
