public import CrosscheckKit
public import Foundation

/// Claim–evidence pairs with a stance, from COVID-Fact and SciFact.
public enum StanceData {
    public struct Pair: Sendable {
        public var claim: String
        public var evidence: String
        /// `supports`, `refutes` or `neutral`.
        public var stance: String
    }

    /// COVID-Fact's RTE file: entailment is `supports`, anything else `refutes`.
    public static func covidFact(directory: String, split: String) throws -> [Pair] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("RTE-covidfact-\(split).tsv")
        guard FileManager.default.fileExists(atPath: url.path) else { throw EvalError("no RTE-covidfact-\(split).tsv in \(directory)") }
        return DelimitedReader(separator: "\t").rows(try String(contentsOf: url, encoding: .utf8)).dropFirst().compactMap { row in
            guard row.count >= 4 else { return nil }
            return Pair(claim: row[2], evidence: row[1], stance: row[3] == "entailment" ? "supports" : "refutes")
        }
    }

    /// SciFact rationale sentences (SUPPORT/CONTRADICT) and, as `neutral`, up to two other
    /// sentences of each cited abstract (seeded).
    public static func sciFact(directory: String, split: String, seed: UInt64 = 1, claims keep: (Int) -> Bool = { _ in true }) throws -> [Pair] {
        let data = try SciFactData(directory: directory, split: split)
        let abstracts = Dictionary(data.abstracts.map { ($0.id, $0.sentences) }, uniquingKeysWith: { a, _ in a })
        var generator = SeededGenerator(seed: seed)
        var pairs: [Pair] = []
        for claim in data.claims where keep(claim.id) {
            for document in claim.cited {
                guard let sentences = abstracts[document] else { continue }
                let label = claim.labels[document] == "CONTRADICT" ? "refutes" : "supports"
                let rationale = Set((claim.rationales[document] ?? []).filter { $0 < sentences.count })
                for index in rationale.sorted() { pairs.append(Pair(claim: claim.text, evidence: sentences[index], stance: label)) }
                let others = sentences.indices.filter { !rationale.contains($0) }.shuffled(using: &generator).prefix(2)
                for index in others { pairs.append(Pair(claim: claim.text, evidence: sentences[index], stance: "neutral")) }
            }
        }
        return pairs
    }
}

extension StanceData {
    /// A claim with a handful of given evidence sentences and its claim-level label.
    public struct ClaimSet: Sendable {
        public var claim: String
        public var evidence: [String]
        /// `supported`, `refuted` or `not_enough_info`.
        public var label: String
    }

    /// SciFact claims as claim-level verification with given evidence, in the shape of
    /// `crosscheck batch verify`: up to five sentences of the first cited abstract — its rationale
    /// sentences and, to fill, others of the same abstract (seeded). A claim with no evidence in
    /// its cited abstract is "not enough info" with five of that abstract's sentences.
    public static func sciFactClaimSets(directory: String, split: String, seed: UInt64 = 1, claims keep: (Int) -> Bool = { _ in true }) throws
        -> [ClaimSet]
    {
        let data = try SciFactData(directory: directory, split: split)
        let abstracts = Dictionary(data.abstracts.map { ($0.id, $0.sentences) }, uniquingKeysWith: { a, _ in a })
        var generator = SeededGenerator(seed: seed)
        return data.claims.filter { keep($0.id) }.compactMap { claim in
            guard let document = claim.cited.first, let sentences = abstracts[document] else { return nil }
            let rationale = (claim.rationales[document] ?? []).filter { $0 < sentences.count }
            var chosen = Array(Set(rationale).sorted().prefix(5))
            let others = sentences.indices.filter { !chosen.contains($0) }.shuffled(using: &generator)
            chosen += others.prefix(max(0, 5 - chosen.count))
            let label: String
            switch claim.labels[document] {
            case "SUPPORT": label = "supported"
            case "CONTRADICT": label = "refuted"
            default: label = "not_enough_info"
            }
            return ClaimSet(claim: claim.text, evidence: chosen.shuffled(using: &generator).map { sentences[$0] }, label: label)
        }
    }
}
