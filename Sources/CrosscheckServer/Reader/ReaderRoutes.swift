import CrosscheckKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The public endpoints a news page calls: read-only findings, "verify", listening, and the box's
/// script and style. No sign-in; rate-limited; answers readable by the configured sites' pages only.
struct ReaderRoutes {
    var desk: ReaderDesk
    var speech: SpeechCache
    var limiter: RateLimiter

    func add(to router: Router<WorkbenchContext>) {
        router.get("widget.js") { request, _ in try Self.cached(Widget.script, type: "text/javascript; charset=utf-8", request: request) }
        router.get("widget.css") { request, _ in try Self.cached(Widget.stylesheet, type: "text/css; charset=utf-8", request: request) }
        let origins = Set(desk.configuration.reader.origins.map { $0.lowercased() })
        let group = router.group("public/v1").add(middleware: ReaderAccess(origins: origins, limiter: limiter))
        // Browsers' preflights: ReaderAccess answers them; the routes only give them a place.
        for path in ["findings", "verify", "listen"] {
            group.on(RouterPath(path), method: .options) { _, _ in Response(status: .noContent) }
        }
        group.get("findings") { request, context in
            let story = try await desk.story(try ReaderDesk.storyURL(request.uri.queryParameters["url"].map(String.init)))
            let findings = try await desk.findings(story, base: Self.base(request))
            return try Self.cached(findings, request: request)
        }
        group.post("verify") { request, context in
            var request = request
            let body = try await request.body(upTo: 8 * 1024, title: "Request too large", detail: "send {\"url\": \"https://…\"}")
            struct Ask: Decodable { var url: String }
            guard let ask = try? JSONDecoder().decode(Ask.self, from: Data(body.readableBytesView)) else {
                throw Problem(.badRequest, "No story address", detail: "send {\"url\": \"https://…\"}", type: "urn:crosscheck:error:invalidArgument")
            }
            let story = try await desk.verify(try ReaderDesk.storyURL(ask.url))
            return JSONResponse(status: .accepted, value: try await desk.findings(story, base: Self.base(request)))
        }
        group.get("listen") { request, context in
            let what = request.uri.queryParameters["what"].map(String.init) ?? "article"
            guard what == "article" || what == "findings" else {
                throw Problem(.badRequest, "Unknown part", detail: "what= is article or findings", type: "urn:crosscheck:error:invalidArgument")
            }
            let story = try await desk.story(try ReaderDesk.storyURL(request.uri.queryParameters["url"].map(String.init)))
            guard let job = story.done else {
                throw Problem(
                    .notFound, "Not analysed", detail: "this story has not been analysed yet; ask to verify it first",
                    type: "urn:crosscheck:error:notFound")
            }
            let report = try await ArticlePage.report(of: job, in: desk.store)
            let paragraphs: [String]
            if what == "article" {
                paragraphs = [report.article.title].compactMap { $0 } + report.article.paragraphs
            } else {
                paragraphs = try await spokenFindings(story, report: report, base: Self.base(request))
            }
            let file = try await speech.file(owner: "\(job.id)-\(what)", paragraphs: paragraphs, title: report.article.title)
            return try Self.audio(file, request: request)
        }
    }

    /// The findings as readers may hear them: the published fact-checks, and the comments' tally
    /// and the automated findings only where the newsroom shows automated analysis.
    func spokenFindings(_ story: ReaderDesk.Story, report: Report, base: String) async throws -> [String] {
        let findings = try await desk.findings(story, base: base, report: report)
        let published = findings.checks.map {
            FindingsScript.Finding(claim: $0.claim, verdict: $0.verdict, source: $0.sources.first?.name, sourceDate: $0.sources.first?.date)
        }
        var paragraphs = FindingsScript(findings: published, reviewed: true).paragraphs
        if desk.configuration.reader.showAutomated {
            let automated = FindingsScript(report: report)
            let unpublished = automated.findings.filter { finding in !published.contains { $0.claim == finding.claim } }
            if !unpublished.isEmpty || automated.comments != nil {
                paragraphs += FindingsScript(findings: unpublished, reviewed: false, comments: automated.comments).paragraphs
            }
        }
        return paragraphs
    }

    /// The address this server was reached at, for links in answers.
    static func base(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        return (request.head.scheme ?? "http") + "://" + host
    }

    /// `value` as JSON with an ETag; 304 when the client has it already.
    static func cached(_ value: some Encodable, request: Request) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try cached(Data(try encoder.encode(value)), type: "application/json", request: request, maxAge: 30)
    }

    static func cached(_ text: String, type: String, request: Request) throws -> Response {
        try cached(Data(text.utf8), type: type, request: request, maxAge: 3600)
    }

    static func cached(_ data: Data, type: String, request: Request, maxAge: Int) throws -> Response {
        let tag = "\"" + String(Digests.sha256Hex(Array(data)).prefix(32)) + "\""
        var headers: HTTPFields = [.eTag: tag, .cacheControl: "public, max-age=\(maxAge)"]
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An audio file, whole or the byte range asked for (players seek with ranges).
    static func audio(_ file: URL, request: Request) throws -> Response {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        let tag = "\"" + file.deletingPathExtension().lastPathComponent.suffix(20) + "\""
        var headers: HTTPFields = [
            .contentType: "audio/ogg", .eTag: tag, .cacheControl: "public, max-age=300", .acceptRanges: "bytes",
        ]
        if request.headers[.ifNoneMatch] == tag { return Response(status: .notModified, headers: headers) }
        if let range = request.headers[.range], let (start, end) = byteRange(range, size: data.count) {
            headers[.contentRange] = "bytes \(start)-\(end)/\(data.count)"
            return Response(status: .partialContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data[start...end])))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The first range of a `bytes=a-b` header, clamped to the file; `nil` when it cannot be served.
    static func byteRange(_ header: String, size: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst(6).split(separator: ",").first ?? ""
        let parts = spec.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        if parts[0].isEmpty, let suffix = Int(parts[1]), suffix > 0 { return (max(0, size - suffix), size - 1) }
        guard let start = Int(parts[0]), start < size else { return nil }
        let end = parts[1].isEmpty ? size - 1 : min(Int(parts[1]) ?? size - 1, size - 1)
        return end >= start ? (start, end) : nil
    }
}
