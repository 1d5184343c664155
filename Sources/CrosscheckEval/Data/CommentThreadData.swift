public import CrosscheckKit
public import Foundation

/// Labelled comment threads of our own: the JSON article shape, each comment carrying `expect`
/// (the flags a careful moderator would give it) and, for copies of one template, `template`.
public struct LabelledThread: Sendable {
    public var name: String
    public var article: Article
    /// Per comment, in order: the expected flags.
    public var expected: [Set<String>]
    /// Per comment, in order: its template family, if any.
    public var families: [String?]
    /// The expected flags of labelled comments the page reader did not find (pages only).
    public var unread: [Set<String>] = []

    public init(name: String, article: Article, expected: [Set<String>], families: [String?], unread: [Set<String>] = []) {
        self.name = name
        self.article = article
        self.expected = expected
        self.families = families
        self.unread = unread
    }

    /// Every `.json` file in `directory`, sorted by name.
    /// - Throws: ``CrosscheckError`` when the folder is missing or a file is not a labelled thread.
    public static func load(directory: String) throws -> [LabelledThread] {
        let url = URL(fileURLWithPath: directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw CrosscheckError(.fileNotFound, "no folder of labelled threads at \(directory)")
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { throw CrosscheckError(.fileNotFound, "no .json threads in \(directory)") }
        return try files.map { try load(file: url.appendingPathComponent($0)) }
    }

    static func load(file: URL) throws -> LabelledThread {
        let data = try Data(contentsOf: file)
        let article = try JSONArticleDecoder().decode(data)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let comments = object["comments"] as? [[String: Any]], comments.count == article.comments.count
        else { throw CrosscheckError(.malformedJSON, "\(file.lastPathComponent) has no comments list") }
        return LabelledThread(
            name: file.deletingPathExtension().lastPathComponent, article: article,
            expected: comments.map { Set($0["expect"] as? [String] ?? []) },
            families: comments.map { $0["template"] as? String })
    }
}
