/// Finds the same action with its roles swapped: the claim's words before a verb both texts share
/// come after it in the passage, and its words after the verb come before it ("the visitors beat
/// the home team" against "the home team beat the visitors"). Passives ("was beaten by") are left
/// alone: they swap the order without swapping the roles.
public struct RoleSwapCheck: StanceCheck {
    public init() {}

    /// How much of the claim's words the passage must share before a swap counts.
    public var minimumCoverage = 0.6
    /// Words either side of the shared word that count as its roles.
    public var window = 4

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        guard passage.coverage(of: claim) >= minimumCoverage else { return [] }
        let claimStems = claim.words.map(PorterStemmer.stem)
        let passageStems = passage.words.map(PorterStemmer.stem)
        func content(_ stems: [String], _ words: [String], _ range: Range<Int>) -> Set<String> {
            Set(
                range.clamped(to: 0..<stems.count).filter { !Stopwords.english.contains(words[$0]) && !words[$0].contains(where: \.isNumber) }.map {
                    stems[$0]
                })
        }
        for (i, stem) in claimStems.enumerated() where !Stopwords.english.contains(claim.words[i]) {
            let inPassage = passageStems.indices.filter { passageStems[$0] == stem }
            guard inPassage.count == 1, claimStems.count { $0 == stem } == 1, let j = inPassage.first else { continue }
            if claim.words[safe: i + 1] == "by" || passage.words[safe: j + 1] == "by" { continue }
            let claimBefore = content(claimStems, claim.words, (i - window)..<i)
            let claimAfter = content(claimStems, claim.words, (i + 1)..<(i + 1 + window))
            let passageBefore = content(passageStems, passage.words, (j - window)..<j)
            let passageAfter = content(passageStems, passage.words, (j + 1)..<(j + 1 + window))
            guard !claimBefore.isEmpty, !claimAfter.isEmpty, claimBefore.isSubset(of: passageAfter),
                !claimAfter.isDisjoint(with: passageBefore), claimBefore.isDisjoint(with: passageBefore)
            else { continue }
            return [
                CheckFinding(
                    check: "roles", effect: .refutes, strength: 0.8,
                    reason: "the claim has who did \"\(claim.words[i])\" to whom the other way round from the source")
            ]
        }
        return []
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
