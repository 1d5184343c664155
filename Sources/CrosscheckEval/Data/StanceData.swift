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

/// Trains the stance model.
public struct StanceTraining: Sendable {
    public var featurizer = TextFeaturizer(dimensions: 1 << 18, wordNgrams: 1, charMin: 0, charMax: 0, cueWeight: 1)
    public var training = LogisticRegression.TrainingOptions(epochs: 10, learningRate: 0.05, l2: 1e-5, seed: 1)

    public init() {
        featurizer.wordWeight = 0.3
    }

    public func train(_ pairs: [StanceData.Pair], info: [String: String] = [:]) -> StanceModel {
        let vectors = pairs.map { featurizer.vector($0.evidence, cues: StanceFeatures.cues(claim: $0.claim, evidence: $0.evidence)) }
        let heads = ["supports", "refutes", "neutral"].map { stance in
            MultiHeadClassifier.Head(
                name: stance,
                model: LogisticRegression.train(zip(vectors, pairs).map { (vector: $0, label: $1.stance == stance, weight: Float(1)) },
                    dimensions: featurizer.dimensions, options: training),
                threshold: 0.5)
        }
        return StanceModel(classifier: MultiHeadClassifier(kind: "stance", featurizer: featurizer, heads: heads, info: info))
    }
}

/// `crosscheck batch verify`: `{"id", "claim", "evidence": [{"id", "text", "title"?}]}` to `{"id",
/// "label", "confidence", "evidence": [{"id", "stance", "score"}]}`.
public struct VerifyBatchTask: BatchTask {
    public var model: StanceModel

    public init(model: StanceModel) {
        self.model = model
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let claim = try object.requiredString("claim")
        guard let evidence = object["evidence"] as? [[String: Any]] else { throw BatchLineError.missing("evidence", kind: "a list of {\"id\", \"text\"}") }
        let texts = evidence.map { item -> String in
            let text = item["text"] as? String ?? ""
            if let title = item["title"] as? String, !title.isEmpty { return title + ". " + text }
            return text
        }
        let verdict = model.verdict(claim: claim, evidence: texts)
        return [
            "label": verdict.label, "confidence": verdict.confidence,
            "evidence": zip(evidence, verdict.stances).map { item, stance -> [String: Any] in
                ["id": item["id"] ?? NSNull(), "stance": stance.stance, "score": stance.score]
            },
        ]
    }
}
