public import CrosscheckKit
public import Foundation

/// `crosscheck batch comments`: lines sharing a `thread` (or, without one, an article) are screened
/// together; each gets `{"id", "inauthentic", "flags", "reasons", "cluster"?, "spam", "machine"?}`.
public struct CommentBatchTask: BatchTask {
    public var screener: CommentScreener

    public init(screener: CommentScreener) {
        self.screener = screener
    }

    public var needsWholeInput: Bool { true }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        try process(all: [object])[0].get()
    }

    public func process(all objects: [[String: Any]]) -> [Result<[String: Any], any Error>] {
        var results = [Result<[String: Any], any Error>](repeating: .failure(BatchLineError("not screened")), count: objects.count)
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, object) in objects.enumerated() {
            guard object["text"] is String else {
                results[index] = .failure(BatchLineError.missing("text"))
                continue
            }
            let key = Self.groupKey(object)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        for key in order {
            let members = groups[key]!
            let comments = members.enumerated().map { position, index -> Comment in
                let object = objects[index]
                return Comment(
                    id: "line\(position)", author: object["author"] as? String,
                    time: DateNormalizer.normalizedOrRaw(object["time"] as? String), text: object["text"] as! String,
                    parent: nil)
            }
            let article = Self.article(objects[members[0]]["article"])
            let screened = screener.screen(comments, article: article)
            for (position, index) in members.enumerated() {
                let screen = screened.comments[position]
                var output: [String: Any] = [
                    "inauthentic": screen.inauthentic, "flags": screen.flags, "reasons": screen.reasons,
                ]
                if let cluster = screen.cluster { output["cluster"] = cluster }
                if let relatedness = screen.relatedness { output["relatedness"] = relatedness }
                if let spam = screener.spam { output["spam"] = spam.score(comments[position].text).rounded(toPlaces: 6) }
                results[index] = .success(output)
            }
        }
        return results
    }

    static func groupKey(_ object: [String: Any]) -> String {
        if let thread = object["thread"] as? String { return "thread:" + thread }
        if let thread = object["thread"] as? NSNumber { return "thread:" + thread.stringValue }
        if let article = object["article"] as? [String: Any] {
            return "article:" + ((article["title"] as? String) ?? "") + "\u{1}" + ((article["text"] as? String) ?? "")
        }
        return "none"
    }

    static func article(_ value: Any?) -> Article? {
        guard let object = value as? [String: Any] else { return nil }
        let text = object["text"] as? String ?? ""
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.collapsingWhitespace }.filter { !$0.isEmpty }
        guard !paragraphs.isEmpty || object["title"] != nil else { return nil }
        return Article(title: object["title"] as? String, paragraphs: paragraphs)
    }
}

/// `crosscheck batch machine-text`: `{"id", "text"}` to `{"id", "score", "machine"}`.
public struct MachineTextBatchTask: BatchTask {
    public var classifier: TextClassifier

    public init(classifier: TextClassifier) {
        self.classifier = classifier
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        let score = classifier.score(text)
        return ["score": score.rounded(toPlaces: 6), "machine": score >= classifier.threshold]
    }
}
