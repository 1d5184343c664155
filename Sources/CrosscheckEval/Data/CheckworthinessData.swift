public import Foundation

/// A labelled sentence or tweet for check-worthiness.
public struct CheckworthinessExample: Sendable, Hashable {
    /// Which data set an example comes from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case claimbuster, claimbuster2020 = "claimbuster-2020-debate", clef2019, clef2020
    }

    public var id: String
    public var text: String
    public var label: Bool
    public var source: Source
    /// The debate (CLEF 2019) or topic (CLEF 2020) the example belongs to; MAP averages over these.
    public var group: String

    public init(id: String, text: String, label: Bool, source: Source, group: String) {
        self.id = id
        self.text = text
        self.label = label
        self.source = source
        self.group = group
    }
}

/// Loads the check-worthiness data sets in their native formats.
///
/// `directory` may be the `checkworthiness` folder (with `claimbuster/`, `clef2019-task1/`,
/// `clef2020-task1-tweets/`) or any one of those folders.
public enum CheckworthinessData {
    public static func load(directory: String) throws -> [CheckworthinessExample] {
        let root = URL(fileURLWithPath: directory)
        var examples: [CheckworthinessExample] = []
        let manager = FileManager.default
        func file(_ candidates: [String]) -> URL? {
            for candidate in candidates {
                let url = root.appendingPathComponent(candidate)
                if manager.fileExists(atPath: url.path) { return url }
            }
            return nil
        }
        if let url = file(["claimbuster/train.json", "train.json"]) {
            examples += try claimBuster(url)
        }
        if let url = file(["claimbuster/2020_debate.tsv", "2020_debate.tsv"]) {
            examples += try claimBuster2020(url)
        }
        if let url = file(["clef2019-task1/CT19-T1-Training.csv", "CT19-T1-Training.csv"]) {
            examples += try clef2019(url)
        }
        if let url = file(["clef2020-task1-tweets/training_v2.tsv", "training_v2.tsv"]) {
            examples += try clef2020(url)
        }
        guard !examples.isEmpty else {
            throw EvalError(
                "no check-worthiness data in \(directory); point --data at shared/data/checkworthiness or one of its folders")
        }
        return examples
    }

    static func claimBuster(_ url: URL) throws -> [CheckworthinessExample] {
        let data = try Data(contentsOf: url)
        guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw EvalError("\(url.path) is not a JSON list of sentences")
        }
        return rows.compactMap { row in
            guard let text = row["text"] as? String, let label = row["label"] as? Int else { return nil }
            let id = (row["sentence_id"] as? Int).map(String.init) ?? UUID().uuidString
            return CheckworthinessExample(id: id, text: text, label: label == 1, source: .claimbuster, group: "claimbuster")
        }
    }

    static func claimBuster2020(_ url: URL) throws -> [CheckworthinessExample] {
        let records = DelimitedReader(separator: "\t").records(try String(contentsOf: url, encoding: .utf8))
        return records.compactMap { record in
            guard let text = record["text"], let label = record["label"] else { return nil }
            return CheckworthinessExample(
                id: record["sentence_id"] ?? "", text: text, label: label == "1", source: .claimbuster2020,
                group: "2020-debate")
        }
    }

    static func clef2019(_ url: URL) throws -> [CheckworthinessExample] {
        let records = DelimitedReader(separator: ",").records(try String(contentsOf: url, encoding: .utf8))
        return records.compactMap { record in
            guard let text = record["text"], let label = record["label"], let file = record["file_name"] else {
                return nil
            }
            return CheckworthinessExample(
                id: file + ":" + (record["line_number"] ?? ""), text: text, label: label == "1", source: .clef2019,
                group: file)
        }
    }

    static func clef2020(_ url: URL) throws -> [CheckworthinessExample] {
        let records = DelimitedReader(separator: "\t").records(try String(contentsOf: url, encoding: .utf8))
        return records.compactMap { record in
            guard let text = record["tweet_text"], let label = record["check_worthiness"] else { return nil }
            return CheckworthinessExample(
                id: record["tweet_id"] ?? "", text: text, label: label == "1", source: .clef2020,
                group: record["topic_id"] ?? "tweets")
        }
    }
}

/// An evaluation failure that says what to do.
public struct EvalError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
