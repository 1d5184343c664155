/// Features of a (claim, evidence) pair for stance: which of the claim's words the evidence lacks
/// or shares, numbers that differ, negation on one side only, and antonyms across the two.
public enum StanceFeatures {
    static let negations: Set<String> = ["not", "no", "never", "none", "nor", "without", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "neither", "lack", "lacks", "fail", "fails", "failed"]
    static let antonyms: [(String, String)] = [
        ("increase", "decrease"), ("increas", "decreas"), ("rise", "fall"), ("rose", "fell"), ("higher", "lower"),
        ("more", "less"), ("more", "fewer"), ("positive", "negative"), ("larger", "smaller"), ("gain", "loss"),
        ("up", "down"), ("improve", "worsen"), ("approve", "reject"), ("approved", "rejected"), ("win", "lose"),
        ("won", "lost"), ("before", "after"), ("high", "low"), ("promote", "inhibit"), ("activate", "suppress"),
        ("enhance", "reduce"), ("increases", "reduces"), ("benefit", "harm"), ("safe", "dangerous"), ("true", "false"),
    ]

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
        let claimNegated = !claimWords.isDisjoint(with: negations)
        let evidenceNegated = !evidenceWords.isDisjoint(with: negations)
        cues.append("negation:" + (claimNegated ? "c" : "-") + (evidenceNegated ? "e" : "-"))
        for (a, b) in antonyms where (claimWords.contains(a) && evidenceWords.contains(b) && !evidenceWords.contains(a))
            || (claimWords.contains(b) && evidenceWords.contains(a) && !evidenceWords.contains(b))
        {
            cues.append("antonym")
            cues.append("antonym:" + a)
        }
        return cues
    }
}

/// Decides each evidence passage's stance toward a claim and the verdict they add up to.
public struct StanceModel: Sendable {
    public var classifier: MultiHeadClassifier

    public init(classifier: MultiHeadClassifier) {
        self.classifier = classifier
    }

    /// Probabilities of supports, refutes and neutral, in that order (normalised).
    public func stance(claim: String, evidence: String) -> (supports: Double, refutes: Double, neutral: Double) {
        let scores = classifier.scores(evidence, cues: StanceFeatures.cues(claim: claim, evidence: evidence))
        func score(_ name: String) -> Double { classifier.head(name).map { scores[$0] } ?? 0 }
        let s = score("supports"), r = score("refutes"), n = score("neutral")
        let total = max(s + r + n, 1e-9)
        return (s / total, r / total, n / total)
    }

    /// The verdict over several passages: supported, refuted, mixed or not_enough_info, with a
    /// confidence, and each passage's stance and score.
    public func verdict(claim: String, evidence: [String]) -> (label: String, confidence: Double, stances: [(stance: String, score: Double)]) {
        var stances: [(stance: String, score: Double)] = []
        var bestSupport = 0.0
        var bestRefute = 0.0
        for text in evidence {
            let p = stance(claim: claim, evidence: text)
            let label = p.supports >= p.refutes && p.supports >= p.neutral ? "supports" : p.refutes >= p.neutral ? "refutes" : "neutral"
            stances.append((label, (label == "supports" ? p.supports : label == "refutes" ? p.refutes : p.neutral).rounded(toPlaces: 4)))
            if label == "supports" { bestSupport = max(bestSupport, p.supports) }
            if label == "refutes" { bestRefute = max(bestRefute, p.refutes) }
        }
        let strong = 0.5
        if bestSupport >= strong, bestRefute >= strong { return ("mixed", min(bestSupport, bestRefute).rounded(toPlaces: 4), stances) }
        if bestSupport >= strong { return ("supported", bestSupport.rounded(toPlaces: 4), stances) }
        if bestRefute >= strong { return ("refuted", bestRefute.rounded(toPlaces: 4), stances) }
        return ("not_enough_info", (1 - max(bestSupport, bestRefute)).rounded(toPlaces: 4), stances)
    }
}
