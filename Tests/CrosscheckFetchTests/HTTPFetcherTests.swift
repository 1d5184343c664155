import CrosscheckFetch
import CrosscheckKit
import CrosscheckTesting
import Foundation
import Testing

/// Pages come from a server on a thread of its own: in the full run other suites' analyses keep the
/// cooperative threads busy, and an in-process async server then answers too late.
@Suite("HTTP fetching")
struct HTTPFetcherTests {
    let page =
        "<html><head><title>Local story</title></head><body><article><p>The loopback server sent this paragraph, which is long enough to be the body.</p></article></body></html>"

    func code(of body: () async throws -> Any) async -> CrosscheckError.Code? {
        do {
            _ = try await body()
            return nil
        } catch let error as CrosscheckError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func fetchesAndReadsAPage() async throws {
        let page = self.page
        try await withStaticLoopbackServer(pages: ["/story": StaticPage(body: page)]) { base in
            let input = try await HTTPFetcher().fetchArticle(base + "/story")
            let article = try ArticleReader().read(input).article
            #expect(article.title == "Local story")
            #expect(article.url == base + "/story")
            #expect(article.paragraphs.count == 1)
        }
    }

    @Test func charsetFromTheContentTypeHeader() async throws {
        let bytes =
            Data("<html><body><article><p>Le caf".utf8) + Data([0xE9])
            + Data(" a rouvert ses portes lundi matin, après de longs travaux de rénovation.</p></article></body></html>".utf8.map { $0 })
        try await withStaticLoopbackServer(pages: ["/latin": StaticPage(contentType: "text/html; charset=ISO-8859-1", body: bytes)]) { base in
            let input = try await HTTPFetcher().fetchArticle(base + "/latin")
            #expect(input.declaredCharset == .windows1252)
            let article = try ArticleReader().read(input).article
            #expect(article.paragraphs.first?.hasPrefix("Le café a rouvert") == true)
        }
    }

    @Test func followsRedirectsAndReportsTheFinalURL() async throws {
        let page = self.page
        try await withStaticLoopbackServer(pages: [
            "/old": .redirect(to: "/newer"), "/newer": .redirect(to: "/final", status: 301), "/final": StaticPage(body: page),
        ]) { base in
            let response = try await HTTPFetcher().fetch(base + "/old")
            #expect(response.url == base + "/final")
            #expect(response.status == 200)
        }
    }

    @Test func redirectLoopsStop() async throws {
        try await withStaticLoopbackServer(pages: ["/a": .redirect(to: "/b"), "/b": .redirect(to: "/a")]) { base in
            let code = await code { try await HTTPFetcher(configuration: .init(maxRedirects: 3)).fetch(base + "/a") }
            #expect(code == .tooManyRedirects)
        }
    }

    @Test(arguments: [404, 500, 503])
    func errorStatuses(status: Int) async throws {
        try await withStaticLoopbackServer(pages: ["/x": StaticPage(status: status, body: "nope")]) { base in
            let code = await code { try await HTTPFetcher().fetch(base + "/x") }
            #expect(code == .httpStatus)
        }
    }

    @Test func slowResponsesTimeOut() async throws {
        try await withStaticLoopbackServer(pages: ["/slow": StaticPage(body: "late", delay: 4)]) { base in
            let code = await code { try await HTTPFetcher(configuration: .init(timeout: 1)).fetch(base + "/slow") }
            #expect(code == .unreachable)
        }
    }

    @Test func oversizedResponsesAreCut() async throws {
        let big = String(repeating: "<p>filler paragraph text</p>", count: 2000)
        try await withStaticLoopbackServer(pages: ["/big": StaticPage(body: big)]) { base in
            let code = await code { try await HTTPFetcher(configuration: .init(maxBytes: 10_000)).fetch(base + "/big") }
            #expect(code == .inputTooLarge)
        }
    }

    @Test func nonTextContentIsRefused() async throws {
        try await withStaticLoopbackServer(pages: ["/img": StaticPage(contentType: "image/png", body: Data([0x89, 0x50, 0x4E, 0x47]))]) { base in
            let code = await code { try await HTTPFetcher().fetch(base + "/img") }
            #expect(code == .unsupportedContent)
        }
    }

    @Test func unreachableHostsAndBadURLs() async {
        #expect(await code { try await HTTPFetcher(configuration: .init(timeout: 3)).fetch("http://127.0.0.1:1/") } == .unreachable)
        #expect(await code { try await HTTPFetcher().fetch("ftp://example.com/file") } == .invalidArgument)
        #expect(await code { try await HTTPFetcher().fetch("not a url") } == .invalidArgument)
    }
}
