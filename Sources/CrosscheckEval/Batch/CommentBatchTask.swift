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

    /// One comment line. Only `text` is required; the other fields are used when they have the
    /// expected type and ignored otherwise, as before they had types.
    public struct Input: BatchInput {
        public struct ArticleFields: Decodable {
            public var title: String?
            public var text: String?

            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                title = try? container.decodeIfPresent(String.self, forKey: .title)
                text = try? container.decodeIfPresent(String.self, forKey: .text)
            }

            enum CodingKeys: String, CodingKey { case title, text }
        }

        public var text: String
        public var author: String?
        public var time: String?
        public var thread: JSONScalar?
        public var article: ArticleFields?

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            author = try? container.decodeIfPresent(String.self, forKey: .author)
            time = try? container.decodeIfPresent(String.self, forKey: .time)
            thread = try? container.decodeIfPresent(JSONScalar.self, forKey: .thread)
            article = try? container.decodeIfPresent(ArticleFields.self, forKey: .article)
        }

        enum CodingKeys: String, CodingKey { case text, author, time, thread, article }
    }

    public struct Output: Encodable {
        public var inauthentic: Double
        public var flags: [String]
        public var reasons: [String]
        public var cluster: String?
        public var relatedness: Double?
        public var spam: Double?
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        try process(all: [object])[0].get()
    }

    public func process(all objects: [[String: Any]]) -> [Result<[String: Any], any Error>] {
        let inputs = objects.map { object in Result { try BatchCoding.decode(Input.self, from: object) } }
        var results = inputs.map { input in input.map { _ in [String: Any]() } }
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, input) in inputs.enumerated() {
            guard case .success(let input) = input else { continue }
            let key = Self.groupKey(input)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        for key in order {
            let members = groups[key]!.map { (index: $0, input: try! inputs[$0].get()) }
            let comments = members.enumerated().map { position, member in
                Comment(
                    id: "line\(position)", author: member.input.author, time: DateNormalizer.normalizedOrRaw(member.input.time),
                    text: member.input.text, parent: nil)
            }
            let screened = screener.screen(comments, article: Self.article(members[0].input.article))
            for (position, member) in members.enumerated() {
                let screen = screened.comments[position]
                let output = Output(
                    inauthentic: screen.inauthentic, flags: screen.flags, reasons: screen.reasons, cluster: screen.cluster,
                    relatedness: screen.relatedness, spam: screener.spam.map { $0.score(comments[position].text).rounded(toPlaces: 6) })
                results[member.index] = Result { try BatchCoding.object(output) }
            }
        }
        return results
    }

    static func groupKey(_ input: Input) -> String {
        if let thread = input.thread?.text { return "thread:" + thread }
        if let article = input.article { return "article:" + (article.title ?? "") + "\u{1}" + (article.text ?? "") }
        return "none"
    }

    static func article(_ fields: Input.ArticleFields?) -> Article? {
        guard let fields else { return nil }
        let paragraphs = (fields.text ?? "").components(separatedBy: "\n\n").map { $0.collapsingWhitespace }.filter { !$0.isEmpty }
        guard !paragraphs.isEmpty || fields.title != nil else { return nil }
        return Article(title: fields.title, paragraphs: paragraphs)
    }
}
