/// Compares the claim's numbers with the passage's numbers that count the same thing.
///
/// Two numbers count the same thing when their units agree (percent, a currency, the counted noun)
/// and the words around them overlap. They agree within the claim's own tolerance: "over 10,000"
/// holds for 12,400, "about a third" for 34 %, an exact figure for the same figure rounded; paired
/// counts ("a vote of 7 to 2") agree only pair for pair. A percentage and the same number of
/// percentage points disagree.
public struct NumberCheck: StanceCheck {
    public init() {}

    public func findings(claim: Statement, passage: Statement) -> [CheckFinding] {
        var result: [CheckFinding] = []
        var agreeing: [String] = []
        for quantity in claim.quantities {
            let comparable = passage.quantities.filter { Self.sameReferent(quantity, $0) }
            if comparable.isEmpty {
                if let confused = passage.quantities.first(where: {
                    Self.percentConfusion(quantity.mention, $0.mention) && Self.sharesContext(quantity, $0)
                }) {
                    result.append(
                        CheckFinding(
                            check: "number", effect: .refutes, strength: 0.7,
                            reason:
                                "the claim says \(quantity.mention.text) but the source says \(confused.mention.text): percent is not percentage points"
                        ))
                }
                continue
            }
            if let match = comparable.first(where: { Self.agrees(claim: quantity.mention, passage: $0.mention) }) {
                agreeing.append(
                    match.mention.text == quantity.mention.text ? match.mention.text : "\(match.mention.text) for \(quantity.mention.text)")
            } else {
                let other = comparable[0].mention
                result.append(
                    CheckFinding(
                        check: "number", effect: .refutes, strength: 0.85,
                        reason: "the claim says \(quantity.mention.text) but the source says \(other.text)"))
            }
        }
        if !agreeing.isEmpty {
            // The most telling figures first: those with digits.
            let ordered = agreeing.filter { $0.contains(where: \.isNumber) } + agreeing.filter { !$0.contains(where: \.isNumber) }
            result.append(
                CheckFinding(
                    check: "number", effect: .supports, strength: 0.8,
                    reason: (ordered.count == 1 ? "the source gives the same figure: " : "the source gives the same figures: ")
                        + ordered.joined(separator: ", ")))
        }
        return result
    }

    /// Whether two numbers count the same thing: same unit, and shared words nearby unless the unit
    /// is itself a counted noun.
    static func sameReferent(_ a: Statement.Quantity, _ b: Statement.Quantity) -> Bool {
        guard let unitA = unitKey(a.mention), unitA == unitKey(b.mention) else {
            // Bare numbers count the same thing only when much of their context is shared.
            return a.mention.unit == nil && b.mention.unit == nil && a.context.intersection(b.context).count >= 2
        }
        switch unitA {
        case "percent", "percentage_points", "count_pair", "USD", "EUR", "GBP": return sharesContext(a, b)
        default: return true
        }
    }

    static func sharesContext(_ a: Statement.Quantity, _ b: Statement.Quantity) -> Bool {
        !a.context.isDisjoint(with: b.context)
    }

    /// A unit compared by the stem of its last word ("steel cables" and "cables" agree); a
    /// fraction in words ("a third") is a share, like a percentage.
    static func unitKey(_ mention: QuantityMention) -> String? {
        guard let unit = mention.unit else {
            let words = mention.text.lowercased().split(separator: " ").map(String.init)
            return words.contains(where: { Lexicon.fractionWords[$0] != nil }) ? "percent" : nil
        }
        if unit == unit.lowercased(), let last = unit.split(separator: " ").last, !unit.contains("_") {
            return PorterStemmer.stem(String(last))
        }
        return unit
    }

    /// "1.2%" against "1.2 percentage points" (or the other way round).
    static func percentConfusion(_ a: QuantityMention, _ b: QuantityMention) -> Bool {
        switch (a.unit, b.unit) {
        case ("percent", "percentage_points"): return abs(a.value * 100 - b.value) < 1e-6
        case ("percentage_points", "percent"): return abs(a.value - b.value * 100) < 1e-6
        default: return false
        }
    }

    /// Whether the passage's figure bears out the claim's, given how the claim qualifies it.
    static func agrees(claim: QuantityMention, passage: QuantityMention) -> Bool {
        if claim.unit == "count_pair" || passage.unit == "count_pair" {
            guard let a2 = claim.secondValue, let b2 = passage.secondValue else { return false }
            return Set([claim.value, a2]) == Set([passage.value, b2]) || (claim.value == passage.value && a2 == b2)
        }
        let a = claim.value, b = passage.value
        let relative = abs(a - b) / max(abs(a), abs(b), 1e-12)
        let passageLoose = passage.approximation != .exact
        switch claim.approximation {
        case .exact: return relative <= (passageLoose ? 0.1 : roundingTolerance(claim.text))
        case .about: return relative <= 0.1
        case .moreThan: return b > a || (passageLoose && relative <= 0.05)
        case .atLeast: return b >= a
        case .lessThan: return b < a || (passageLoose && relative <= 0.05)
        case .atMost: return b <= a
        }
    }

    /// The relative slack a figure written this way allows: "3.5" means 3.45–3.55, "48 million" a
    /// little more than "48,213,000".
    static func roundingTolerance(_ text: String) -> Double {
        let digits = text.filter(\.isNumber)
        let significant = digits.drop { $0 == "0" }.count
        switch significant {
        case 0, 1: return 0.05
        case 2: return 0.025
        default: return 0.006
        }
    }
}
