public import Foundation

/// The Propaganda Techniques Corpus articles with technique spans, and the LIAR statements.
public enum LanguageData {
    /// One article with its technique spans (offsets in Unicode scalars of `text`).
    public struct Article: Sendable {
        public var id: String
        public var text: String
        public var spans: [(technique: String, start: Int, end: Int)]
    }

    /// The techniques, as the corpus names them.
    public static let techniques = [
        "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Doubt", "Exaggeration,Minimisation",
        "Appeal_to_fear-prejudice", "Flag-Waving", "Causal_Oversimplification", "Appeal_to_Authority", "Slogans",
        "Black-and-White_Fallacy", "Whataboutism,Straw_Men,Red_Herring", "Thought-terminating_Cliches",
        "Bandwagon,Reductio_ad_hitlerum",
    ]

    public static func propaganda(directory: String) throws -> [Article] {
        let root = URL(fileURLWithPath: directory)
        let articlesURL = root.appendingPathComponent("articles.jsonl")
        guard FileManager.default.fileExists(atPath: articlesURL.path) else {
            throw EvalError("no articles.jsonl in \(directory); point --data at shared/data/propaganda")
        }
        var spans: [String: [(String, Int, Int)]] = [:]
        let labels = (try? String(contentsOf: root.appendingPathComponent("task2-TC.labels.tsv"), encoding: .utf8)) ?? ""
        for line in labels.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 4, let start = Int(fields[2]), let end = Int(fields[3]) else { continue }
            spans[fields[0], default: []].append((fields[1], start, end))
        }
        var articles: [Article] = []
        for line in try String(contentsOf: articlesURL, encoding: .utf8).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            let id = (object["article_id"] as? String) ?? (object["article_id"] as? NSNumber)?.stringValue ?? ""
            articles.append(Article(id: id, text: text, spans: (spans[id] ?? []).map { ($0.0, $0.1, $0.2) }))
        }
        return articles
    }

    /// A LIAR statement.
    public struct Statement: Sendable {
        public var id: String
        public var label: String
        public var text: String
        public var subject: String
        public var context: String
    }

    /// The six ratings, from false-est to true-est.
    public static let ratings = ["pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"]

    public static func liar(directory: String, split: String) throws -> [Statement] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("\(split).tsv")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EvalError("no \(split).tsv in \(directory); point --data at shared/data/liar")
        }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, ratings.contains(fields[1]) else { return nil }
            return Statement(
                id: fields[0], label: fields[1], text: fields[2], subject: fields.count > 3 ? fields[3] : "",
                context: fields.count > 13 ? fields[13] : "")
        }
    }
}
