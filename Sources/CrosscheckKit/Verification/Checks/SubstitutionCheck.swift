/// Finds a word of the claim swapped for another in the passage: the words on either side of it
/// appear in the passage with a different word between them ("… associated with stroke" against
/// "… associated with pneumonia"). A swapped name, drug, place or direction is the commonest
/// way a claim goes wrong while sounding like its source.
public struct SubstitutionCheck: StanceCheck {
    public init() {}

    /// How much of the claim's words the passage must share before a swap counts.
    public var minimumCoverage = 0.5

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        guard passage.coverage(of: claim) >= minimumCoverage else { return [] }
        guard let (said, found) = Self.substitutions(claim: claim.words, passage: passage.words).first else { return [] }
        return [
            CheckFinding(
                check: "substitution", effect: .refutes, strength: 0.5,
                reason: "the claim has \"\(said)\" where the source has \"\(found)\"")
        ]
    }

    /// (claim word, passage word) pairs where the claim's content word is missing from the passage
    /// and its two neighbours appear there with another word between them.
    public static func substitutions(claim: [String], passage: [String]) -> [(String, String)] {
        let passageStems = passage.map(PorterStemmer.stem)
        let present = Set(passageStems)
        var positions: [String: [Int]] = [:]
        for (index, stem) in passageStems.enumerated() { positions[stem, default: []].append(index) }
        let claimStems = claim.map(PorterStemmer.stem)
        var result: [(String, String)] = []
        guard claim.count >= 3 else { return [] }
        for index in 1..<(claim.count - 1) {
            let word = claim[index]
            // Numbers are the number check's business.
            guard !Stopwords.english.contains(word), !word.contains(where: \.isNumber), !present.contains(claimStems[index]) else { continue }
            let left = claimStems[index - 1], right = claimStems[index + 1]
            for start in positions[left] ?? [] where start + 2 < passageStems.count && passageStems[start + 2] == right {
                let swapped = passage[start + 1]
                if !Stopwords.english.contains(swapped), !swapped.contains(where: \.isNumber), !claimStems.contains(passageStems[start + 1]) {
                    result.append((word, swapped))
                    break
                }
            }
        }
        return result
    }
}
