/// Features of a (claim, evidence) pair for stance: which of the claim's words the evidence lacks
/// or shares, numbers that differ, negation on one side only, and antonyms across the two.
public enum StanceFeatures {
    /// The named cues of a pair (hashed later by a ``TextFeaturizer``).
    public static func cues(claim: String, evidence: String) -> [String] {
        let claimTerms = Set(RetrievalTerms.terms(claim))
        let evidenceTerms = Set(RetrievalTerms.terms(evidence))
        var cues: [String] = []
        let absent = claimTerms.subtracting(evidenceTerms)
        let shared = claimTerms.intersection(evidenceTerms)
        for term in absent.sorted() { cues.append("absent:" + term) }
        for term in shared.sorted() { cues.append("shared:" + term) }
        let share = claimTerms.isEmpty ? 0 : Double(shared.count) / Double(claimTerms.count)
        cues.append("overlap:" + String(Int(share * 10)))
        cues.append("absent-count:" + String(min(absent.count, 6)))
        let claimNumbers = MatchFeatures.numbers(claim)
        let evidenceNumbers = MatchFeatures.numbers(evidence)
        if !claimNumbers.isEmpty {
            cues.append(claimNumbers.isSubset(of: evidenceNumbers) ? "numbers:all-present" : "numbers:missing")
        }
        let claimWords = Set(claim.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
        let evidenceWords = Set(evidence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
        let claimNegated = PolarityLexicon.isNegated(Array(claimWords))
        let evidenceNegated = PolarityLexicon.isNegated(Array(evidenceWords))
        cues.append("negation:" + (claimNegated ? "c" : "-") + (evidenceNegated ? "e" : "-"))
        for (a, _) in PolarityLexicon.opposed(claim: Array(claimWords).sorted(), passage: Array(evidenceWords).sorted()) {
            cues.append("antonym")
            cues.append("antonym:" + a)
        }
        // Swapped words, and claim negations the evidence lacks.
        let claimTokens = Tokenizer().tokens(in: claim).filter { $0.kind != .punctuation }.map { $0.text.lowercased() }
        let evidenceTokens = Tokenizer().tokens(in: evidence).filter { $0.kind != .punctuation }.map { $0.text.lowercased() }
        let swaps = SubstitutionCheck.substitutions(claim: claimTokens, passage: evidenceTokens)
        cues.append("swaps:" + String(min(swaps.count, 2)))
        for (said, _) in swaps { cues.append("swapped:" + PorterStemmer.stem(said)) }
        for word in claimTokens where PolarityLexicon.negations.contains(word) && !evidenceWords.contains(word) {
            cues.append("negation-absent:" + word)
        }
        cues.append("coverage-overlap:" + String(Int(share * 10)) + (claimNegated == evidenceNegated ? "" : ":flip"))
        return cues
    }
}
