import ArgumentParser
import CrosscheckEval
import CrosscheckFetch
import CrosscheckKit
import Foundation

struct Comments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen a comment file for inauthentic comments (off-topic, template, boilerplate, machine-written, spam, coordinated).",
        discussion: """
            FILE is JSON Lines of {"id", "author", "time", "text", "parent"} or the JSON article shape with \
            "comments". --article gives the article they sit under (any input crosscheck check reads), so \
            off-topic comments can be found.
            """
    )

    @Argument(help: "The comments: JSON Lines, or a JSON article with comments.")
    var file: String

    @Option(help: "The article the comments belong to (file or URL).")
    var article: String?

    @Option(help: "Output format: terminal or json.")
    var format: String = "terminal"

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        do {
            let loader = InputLoader(maxBytes: 200_000_000, fetcher: .init())
            let data = try loader.readFile(file)
            var comments: [Comment] = []
            var articleValue: Article?
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                let decoded = try JSONArticleDecoder().decode(object: object)
                comments = decoded.comments
                if decoded.hasBody { articleValue = decoded }
            } else {
                for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                        let text = object["text"] as? String
                    else {
                        StandardError.write("warning: \(file):\(index + 1): not a comment object; skipped\n")
                        continue
                    }
                    let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "c\(comments.count + 1)"
                    comments.append(
                        Comment(
                            id: id, author: object["author"] as? String,
                            time: DateNormalizer.normalizedOrRaw(object["time"] as? String), text: text,
                            parent: (object["parent"] as? String) ?? (object["parent"] as? NSNumber)?.stringValue))
                }
            }
            guard !comments.isEmpty else {
                throw CrosscheckError(.emptyArticle, "no comments in \(file); give JSON Lines with \"text\" or an article JSON with \"comments\"")
            }
            if let article {
                articleValue = try ArticleReader().read(try await loader.load(article, url: nil)).article
            }
            let screener = try modelOptions.engine().commentScreener()
            let result = screener.screen(comments, article: articleValue)
            if format == "json" {
                let encoder = JSONReportRenderer.encoder()
                struct Output: Encodable { var summary: CommentSummary; var comments: [CommentScreening] }
                print(String(decoding: try encoder.encode(Output(summary: result.summary, comments: result.comments)), as: UTF8.self))
                return
            }
            print(result.summary.text)
            for (comment, screen) in zip(comments, result.comments) {
                let flags = screen.flags.isEmpty ? "ok" : screen.flags.joined(separator: ", ")
                print(
                    "[\(comment.id)] \(String(format: "%.2f", screen.inauthentic)) \(flags) — \(comment.author ?? "anonymous"): \(comment.text.prefix(90))"
                )
                for reason in screen.reasons { print("    \(reason)") }
            }
        } catch let error as CrosscheckError {
            throw ExitCodes.fail(error)
        }
    }
}
