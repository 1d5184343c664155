public import CrosscheckKit
public import Foundation

/// Labelled pages: copied text or HTML read as `crosscheck check` reads it, with `labels.jsonl`
/// giving, one line a page, each comment's author and flags in page order:
/// `{"page", "comments": [{"author", "expect": [flags], "template"?}]}`. The screen is measured on
/// the comments the reader found, so a misread comment section costs what it costs a user.
extension LabelledThread {
    /// The pages named in `directory/labels.jsonl`, each read and paired with its labels.
    /// - Throws: ``CrosscheckError`` when the file or a page is missing or a line is not a label.
    public static func loadPages(directory: String) throws -> [LabelledThread] {
        let folder = URL(fileURLWithPath: directory)
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("labels.jsonl")) else {
            throw CrosscheckError(.fileNotFound, "no labels.jsonl in \(directory); give the folder of pages and their labels")
        }
        let reader = ArticleReader()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { number, line in
            let label: PageLabels
            do {
                label = try JSONDecoder().decode(PageLabels.self, from: Data(line.utf8))
            } catch {
                throw CrosscheckError(.malformedJSON, "labels.jsonl line \(number + 1) is not a page's labels (\(error))")
            }
            let url = folder.appendingPathComponent(label.page)
            guard let bytes = try? Data(contentsOf: url) else {
                throw CrosscheckError(.fileNotFound, "labels.jsonl names \(label.page), which is not in \(directory)")
            }
            let article = try reader.read(ArticleInput(data: bytes, name: url.path)).article
            return LabelledThread(page: label, article: article)
        }
    }

    /// Pairs the comments read with the labelled ones by author, in order: a labelled comment
    /// the reader did not find keeps its flags as ``unread``; a comment read that no label names
    /// is expected to carry no flag.
    init(page label: PageLabels, article: Article) {
        var expected: [Set<String>] = []
        var families: [String?] = []
        var unread: [Set<String>] = []
        var next = 0
        for comment in article.comments {
            if let match = label.comments[next...].firstIndex(where: { AuthorName.same($0.author, comment.author) }) {
                unread += label.comments[next..<match].map { Set($0.expect) }
                expected.append(Set(label.comments[match].expect))
                families.append(label.comments[match].template)
                next = match + 1
            } else {
                expected.append([])
                families.append(nil)
            }
        }
        unread += label.comments[next...].map { Set($0.expect) }
        self.init(name: label.page, article: article, expected: expected, families: families, unread: unread)
    }
}

/// One line of `labels.jsonl`.
struct PageLabels: Decodable {
    struct Comment: Decodable {
        var author: String
        var expect: [String]
        var template: String?
    }

    var page: String
    var comments: [Comment]
}
