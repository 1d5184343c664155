/// What kind of checkable statement a sentence makes. Several may apply.
public enum ClaimType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Numbers, percentages, money, rankings.
    case statistic
    /// Comparisons and changes: "more than", "the largest", "doubled".
    case quantity
    /// A dated event.
    case date
    /// A direct or partial quotation.
    case quote
    /// Reported speech: "X said", "according to".
    case attribution
    /// Cause and effect: "because", "led to".
    case causal
    /// A statement about the future: "will", "expected to".
    case prediction
    /// Laws, treaties, votes, court rulings, policies.
    case legal
    /// Nothing checkable.
    case opinion
}

/// Assigns claim types from a sentence's words and what the extractors found in it.
struct ClaimTypeClassifier {
    func types(
        words: [String], quantities: [QuantityMention], dates: [DateMention], quotes: [Quotation],
        attributed: Bool, entities: [EntityMention]
    ) -> [ClaimType] {
        var types: [ClaimType] = []
        let set = Set(words)
        let text = " " + words.joined(separator: " ") + " "
        let statistic =
            quantities.contains { quantity in
                quantity.unit == "percent" || quantity.unit == "percentage_points"
                    || ["USD", "EUR", "GBP", "JPY", "INR"].contains(quantity.unit ?? "")
                    || quantity.value >= 2 || quantity.unit == "count_pair" || quantity.approximation != .exact
            } || set.contains("ranked") || set.contains("ranking") || text.contains(" no. 1 ")
            || Self.rankingPattern(words)
        if statistic { types.append(.statistic) }
        if !set.isDisjoint(with: Self.comparisonWords) || Self.phrases(Self.comparisonPhrases, in: text) || Self.comparative(words) {
            types.append(.quantity)
        }
        if !dates.isEmpty { types.append(.date) }
        if quotes.contains(where: { $0.kind != .scare }) { types.append(.quote) }
        if attributed { types.append(.attribution) }
        if !set.isDisjoint(with: Self.causalWords) || Self.phrases(Self.causalPhrases, in: text) { types.append(.causal) }
        if !set.isDisjoint(with: Self.predictionWords) || Self.phrases(Self.predictionPhrases, in: text) { types.append(.prediction) }
        if !set.isDisjoint(with: Self.legalWords) || entities.contains(where: { $0.kind == .document }) { types.append(.legal) }
        if types.isEmpty { types.append(.opinion) }
        return types
    }

    static func phrases(_ phrases: [String], in text: String) -> Bool {
        phrases.contains { text.fastContains(" " + $0 + " ") }
    }

    /// "third-largest", "second-biggest".
    static func rankingPattern(_ words: [String]) -> Bool {
        words.contains { word in
            let parts = word.split(separator: "-")
            return parts.count == 2 && ["second", "third", "fourth", "fifth", "2nd", "3rd", "4th", "5th"].contains(String(parts[0]))
                && parts[1].hasSuffix("est")
        }
    }

    /// "higher than", "cheaper than".
    static func comparative(_ words: [String]) -> Bool {
        guard words.count > 1 else { return false }
        for index in 1..<words.count where words[index] == "than" {
            if words[index - 1].hasSuffix("er") || ["more", "less", "fewer", "rather", "other"].contains(words[index - 1]) {
                return words[index - 1] != "rather" && words[index - 1] != "other"
            }
        }
        return false
    }

    static let comparisonWords: Set<String> = [
        "largest", "biggest", "smallest", "highest", "lowest", "most", "least", "fewest", "doubled", "tripled",
        "quadrupled", "halved", "double", "triple", "twice", "increase", "increased", "increases", "decrease",
        "decreased", "decreases", "rose", "risen", "rise", "rises", "fell", "fallen", "falls", "grew", "grown",
        "dropped", "declined", "decline", "surged", "soared", "plunged", "jumped", "record", "worst",
        "longest", "shortest", "fastest", "slowest", "busiest", "oldest", "newest", "cheapest", "costliest", "greatest",
        "outnumber", "outnumbered", "exceeded", "exceeds", "topped", "lowered", "raised", "cut", "cuts",
        "growth", "shrank", "shrunk", "boosted", "slashed",
    ]
    static let comparisonPhrases = [
        "more than", "less than", "fewer than", "as many as", "as much as", "compared with", "compared to", "the same as",
    ]
    static let causalWords: Set<String> = [
        "because", "caused", "causes", "causing", "therefore", "consequently", "blamed", "blames", "thanks",
        "triggered", "fuelled", "fueled", "sparked", "drove", "driven", "responsible",
    ]
    static let causalPhrases = [
        "due to", "led to", "leads to", "lead to", "as a result", "resulted in", "result in", "results in",
        "result of", "owing to", "attributed to", "contributed to", "contribute to", "so that", "which means",
        "because of", "in response to", "on account of",
    ]
    static let predictionWords: Set<String> = [
        "will", "won't", "forecast", "forecasts", "projected", "projects", "predicted", "predicts", "predict",
        "expects", "expected", "likely", "unlikely", "soon", "upcoming", "future", "plans", "planned", "intends",
        "next", "'ll", "shall", "eventually",
    ]
    static let predictionPhrases = ["is set to", "are set to", "going to", "on track to", "poised to", "is due to", "are due to", "by the end of"]
    static let legalWords: Set<String> = [
        "law", "laws", "act", "bill", "bills", "treaty", "regulation", "regulations", "ordinance", "statute",
        "constitution", "constitutional", "amendment", "court", "courts", "ruling", "ruled", "judge", "voted",
        "vote", "votes", "approved", "approve", "passed", "signed", "veto", "vetoed", "referendum", "ballot",
        "policy", "legislation", "legislative", "lawsuit", "sued", "illegal", "legal", "unlawful", "banned",
        "ban", "permit", "licence", "license", "tax", "taxes", "tariff", "tariffs", "sanctions", "mandate",
        "decree", "ordered", "repealed", "enacted", "ratified", "bond", "budget", "election", "elected",
    ]
}
