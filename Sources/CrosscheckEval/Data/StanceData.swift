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
    public static func sciFact(directory: String, split: String, seed: UInt64 = 1) throws -> [Pair] {
        let data = try SciFactData(directory: directory, split: split)
        let abstracts = Dictionary(data.abstracts.map { ($0.id, $0.sentences) }, uniquingKeysWith: { a, _ in a })
        var generator = SeededGenerator(seed: seed)
        var pairs: [Pair] = []
        for claim in data.claims {
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
