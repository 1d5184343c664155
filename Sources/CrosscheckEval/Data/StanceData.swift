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
        let root = URL(fileURLWithPath: directory)
        var abstracts: [Int: [String]] = [:]
        for line in try String(contentsOf: root.appendingPathComponent("corpus.jsonl"), encoding: .utf8).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["doc_id"] as? Int, let sentences = object["abstract"] as? [String]
            else { continue }
            abstracts[id] = sentences
        }
        var generator = SeededGenerator(seed: seed)
        var pairs: [Pair] = []
        for line in try String(contentsOf: root.appendingPathComponent("claims_\(split).jsonl"), encoding: .utf8).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let claim = object["claim"] as? String
            else { continue }
            let evidence = object["evidence"] as? [String: [[String: Any]]] ?? [:]
            let cited = (object["cited_doc_ids"] as? [Int]) ?? []
            for document in cited {
                guard let sentences = abstracts[document] else { continue }
                var rationale: Set<Int> = []
                for set in evidence[String(document)] ?? [] {
                    let label = (set["label"] as? String) == "SUPPORT" ? "supports" : "refutes"
                    for index in set["sentences"] as? [Int] ?? [] where index < sentences.count {
                        rationale.insert(index)
                        pairs.append(Pair(claim: claim, evidence: sentences[index], stance: label))
                    }
                }
                let others = sentences.indices.filter { !rationale.contains($0) }.shuffled(using: &generator).prefix(2)
                for index in others { pairs.append(Pair(claim: claim, evidence: sentences[index], stance: "neutral")) }
            }
        }
        return pairs
    }
}

