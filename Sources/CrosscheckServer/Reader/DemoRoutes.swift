import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `crosscheck serve --demo`: the demo news page (`Examples/demo`) under `/demo/`, with the Fact
/// Checker box, the player, and a comment form whose comments go through the comment hook as a
/// comment platform's would.
struct DemoRoutes {
    var directory: URL
    var hook: CommentHook?
    var limiter: RateLimiter

    /// The story the demo page is, from its canonical link.
    static func story(in directory: URL) -> String? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("index.html")) else { return nil }
        return (try? ArticleReader().read(ArticleInput(data: data, name: "index.html", contentType: "text/html")))?.article.url
    }

    static let types = ["html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"]

    func add(to router: Router<WorkbenchContext>) {
        let directory = directory
        // Read once: the page does not change while the server runs.
        let story = Self.story(in: directory)
        router.get("demo") { _, _ in try Self.file("index.html", in: directory) }
        router.get("demo/{file}") { _, context in try Self.file(try context.pathValue("file"), in: directory) }
        router.post("demo/comments") { request, context in
            guard let hook, let story else { throw HookRoutes.off }
            if let wait = limiter.take(context.clientAddress) {
                throw Problem(.tooManyRequests, "Too many comments", detail: "try again in \(wait) s", type: "urn:crosscheck:error:rateLimited")
            }
            var request = request
            let body = try await request.body(upTo: 16 * 1024, title: "Comment too large", detail: "a comment is at most 16 KB")
            struct Posted: Decodable { var author: String; var text: String }
            guard let posted = try? JSONDecoder().decode(Posted.self, from: Data(body.readableBytesView)), !posted.text.isEmpty else {
                throw Problem(.badRequest, "Not a comment", detail: "send {\"author\": …, \"text\": …}", type: "urn:crosscheck:error:invalidArgument")
            }
            let decision = try await hook.screen(.init(text: posted.text, author: posted.author, storyURL: story, platform: "hook:demo"))
            return try JSONResponse(value: decision).response(from: request, context: context)
        }
    }

    /// A file of the demo folder: only plain names of pages, scripts and styles.
    static func file(_ name: String, in directory: URL) throws -> Response {
        let parts = name.split(separator: ".")
        guard parts.count == 2, parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), let type = types[String(parts[1])],
            let data = try? Data(contentsOf: directory.appendingPathComponent(name))
        else { throw Problem(.notFound, "Not found", detail: "the demo has no \(name)", type: "urn:crosscheck:error:notFound") }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
