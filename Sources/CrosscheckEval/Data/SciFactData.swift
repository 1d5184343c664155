public import Foundation

/// SciFact: a corpus of abstracts and claims with their evidence abstracts.
public struct SciFactData: Sendable {
    /// One abstract of the corpus.
    public struct Abstract: Sendable {
        public var id: Int
        public var title: String
        public var sentences: [String]
    }

    /// One claim with its gold evidence: abstract id to `SUPPORT` or `CONTRADICT`, and the
    /// rationale sentences. No evidence means "not enough info".
    public struct Claim: Sendable {
        public var id: Int
        public var text: String
        public var labels: [Int: String]
        public var rationales: [Int: [Int]]
        public var cited: [Int]
    }

    public var abstracts: [Abstract]
    public var claims: [Claim]

    /// Reads `corpus.jsonl` and `claims_<split>.jsonl` from `directory`.
    public init(directory: String, split: String) throws {
        let root = URL(fileURLWithPath: directory)
        func lines(_ name: String) throws -> [[String: Any]] {
            let url = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { throw EvalError("no \(name) in \(directory)") }
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        abstracts = try lines("corpus.jsonl").compactMap { object in
            guard let id = object["doc_id"] as? Int, let sentences = object["abstract"] as? [String] else { return nil }
            return Abstract(id: id, title: object["title"] as? String ?? "", sentences: sentences.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        claims = try lines("claims_\(split).jsonl").compactMap { object in
            guard let id = object["id"] as? Int, let text = object["claim"] as? String else { return nil }
            var labels: [Int: String] = [:]
            var rationales: [Int: [Int]] = [:]
            for (document, sets) in object["evidence"] as? [String: [[String: Any]]] ?? [:] {
                guard let documentID = Int(document) else { continue }
                for set in sets {
                    labels[documentID] = set["label"] as? String ?? "SUPPORT"
                    rationales[documentID, default: []] += set["sentences"] as? [Int] ?? []
                }
            }
            return Claim(id: id, text: text, labels: labels, rationales: rationales, cited: object["cited_doc_ids"] as? [Int] ?? [])
        }
    }
}
