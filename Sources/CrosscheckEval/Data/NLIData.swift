public import CrosscheckKit
public import Foundation

/// Natural-language-inference and claim-verification pairs from `shared/data/nli` (one JSON object
/// a line: `premise`, `hypothesis`, `label`), with each set's labels mapped to verdicts.
public enum NLIData {
    /// One pair as a single-passage verification: the hypothesis is the claim, the premise the
    /// evidence, the label `supported`, `refuted` or `not_enough_info`.
    public struct Pair: Sendable {
        public var claim: String
        public var evidence: String
        public var label: String

        public init(claim: String, evidence: String, label: String) {
            self.claim = claim
            self.evidence = evidence
            self.label = label
        }
    }

    /// The sets measured by `crosscheck eval stance`, with how much of each the trainer held aside.
    public enum Set: String, Sendable, CaseIterable {
        case snliTest = "snli-test"
        case feverRTE = "fever-rte-dev"
        case healthVer = "healthver-dev"
        case sickTrial = "sick-trial"
        /// SICK's train part, never trained on (its licence is non-commercial): a second, larger
        /// measure of the everyday-sentence convention beside the trial part.
        case sickTrain = "sick-train"

        /// Percent of claims `scripts/train-stance/train.py` held aside (not trained on); the rest
        /// of the set was training data.
        public var heldAsidePercent: Int? {
            switch self {
            case .feverRTE: return 20
            case .healthVer: return 30
            case .snliTest, .sickTrial, .sickTrain: return nil
            }
        }
    }

    /// Whether the trainer held `claim` aside: the first byte of the SHA-256 of its UTF-8 text,
    /// modulo 100, is below `percent` (the rule in `scripts/train-stance/train.py`).
    public static func heldAside(_ claim: String, percent: Int) -> Bool {
        Int(Digests.sha256(Array(claim.utf8))[0]) % 100 < percent
    }

    /// The pairs of `set` in `directory`; for a set partly trained on, only the held-aside claims.
    public static func pairs(_ set: Set, directory: String) throws -> [Pair] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(set.rawValue + ".jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EvalError("no \(set.rawValue).jsonl in \(directory); give --data the folder shared/data (it holds nli/)")
        }
        var pairs: [Pair] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let premise = object["premise"] as? String, let hypothesis = object["hypothesis"] as? String,
                let label = object["label"] as? String
            else { throw EvalError("a line of \(url.path) is not a {premise, hypothesis, label} object") }
            if let percent = set.heldAsidePercent, !heldAside(hypothesis, percent: percent) { continue }
            pairs.append(Pair(claim: hypothesis, evidence: premise, label: verdict(label)))
        }
        return pairs
    }

    /// A set's own label as a verdict: entailment and support are `supported`; contradiction,
    /// refutation and FEVER's `not_entailment` (its refuted claims) are `refuted`; the rest
    /// `not_enough_info`.
    public static func verdict(_ label: String) -> String {
        switch label.lowercased() {
        case "entailment", "supports", "support": return "supported"
        case "contradiction", "refutes", "contradict", "not_entailment": return "refuted"
        default: return "not_enough_info"
        }
    }
}
