/// Words that turn a statement round: negations, and pairs of opposites.
public enum PolarityLexicon {
    public static let negations: Set<String> = [
        "not", "no", "never", "none", "nor", "without", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "aren't",
        "wasn't", "weren't", "won't", "neither", "nobody", "nothing", "n't", "hasn't", "haven't", "hadn't", "couldn't",
        "wouldn't", "shouldn't", "lack", "lacks", "lacked", "fail", "fails", "failed", "unable", "denied", "denies", "deny",
    ]

    /// Opposites, as word pairs; compared by their Porter stems.
    public static let opposites: [(String, String)] = [
        ("increase", "decrease"), ("increase", "reduce"), ("increase", "decline"), ("increase", "drop"), ("increase", "lower"),
        ("rise", "fall"), ("rose", "fell"), ("risen", "fallen"), ("rise", "drop"), ("rose", "dropped"), ("rising", "falling"),
        ("higher", "lower"), ("more", "less"), ("more", "fewer"), ("most", "least"), ("positive", "negative"),
        ("larger", "smaller"), ("greater", "smaller"), ("bigger", "smaller"), ("gain", "loss"), ("gained", "lost"),
        ("grow", "shrink"), ("grew", "shrank"), ("expand", "contract"), ("improve", "worsen"), ("improved", "worsened"),
        ("approve", "reject"), ("approved", "rejected"), ("approve", "block"), ("pass", "fail"), ("passed", "failed"),
        ("win", "lose"), ("won", "lost"), ("before", "after"), ("high", "low"), ("promote", "inhibit"),
        ("activate", "suppress"), ("activate", "inhibit"), ("enhance", "reduce"), ("enhance", "impair"), ("benefit", "harm"),
        ("safe", "dangerous"), ("safe", "unsafe"), ("true", "false"), ("effective", "ineffective"), ("accept", "refuse"),
        ("open", "close"), ("opened", "closed"), ("allow", "ban"), ("allowed", "banned"), ("legal", "illegal"),
        ("support", "oppose"), ("supported", "opposed"), ("up", "down"), ("above", "below"), ("over", "under"),
        ("hire", "fire"), ("raise", "cut"), ("raised", "cut"), ("add", "remove"), ("start", "end"), ("begin", "end"),
        ("alive", "dead"), ("guilty", "innocent"), ("male", "female"), ("majority", "minority"), ("increased", "unchanged"),
        ("warming", "cooling"), ("warmer", "cooler"), ("wet", "dry"), ("strong", "weak"), ("strengthen", "weaken"),
        ("present", "absent"), ("upregulate", "downregulate"), ("upregulated", "downregulated"), ("agonist", "antagonist"),
        ("correlate", "anticorrelate"), ("associated", "unassociated"), ("sufficient", "insufficient"),
        ("necessary", "unnecessary"), ("common", "rare"), ("early", "late"), ("first", "last"), ("accelerate", "slow"),
    ]

    /// Stemmed opposites, both directions.
    static let stemmedOpposites: [String: Set<String>] = {
        var map: [String: Set<String>] = [:]
        for (a, b) in opposites {
            let sa = PorterStemmer.stem(a), sb = PorterStemmer.stem(b)
            map[sa, default: []].insert(sb)
            map[sb, default: []].insert(sa)
        }
        return map
    }()

    /// Whether the words include a negation.
    public static func isNegated(_ words: [String]) -> Bool {
        words.contains { negations.contains($0) || $0.hasSuffix("n't") }
    }

    /// Pairs (claim word, passage word) of opposites where the passage lacks the claim's word.
    public static func opposed(claim: [String], passage: [String]) -> [(String, String)] {
        let claimStems = Dictionary(claim.map { (PorterStemmer.stem($0), $0) }, uniquingKeysWith: { a, _ in a })
        let passageStems = Dictionary(passage.map { (PorterStemmer.stem($0), $0) }, uniquingKeysWith: { a, _ in a })
        var result: [(String, String)] = []
        for (stem, word) in claimStems.sorted(by: { $0.key < $1.key }) where passageStems[stem] == nil {
            for opposite in (stemmedOpposites[stem] ?? []).sorted() {
                if let found = passageStems[opposite], claimStems[opposite] == nil { result.append((word, found)) }
            }
        }
        return result
    }
}
