import CrosscheckFetch
import CrosscheckKit
import CrosscheckTesting
import FlyingFox
import Foundation
import Testing

/// Counts requests per path, and remembers the conditional headers they carried.
actor RequestLog {
    private(set) var counts: [String: Int] = [:]
    private(set) var conditional: [String] = []

    func record(_ request: HTTPRequest) {
        counts[request.path, default: 0] += 1
        if let tag = request.headers[HTTPHeader("If-None-Match")] { conditional.append("etag " + tag) }
        if let date = request.headers[HTTPHeader("If-Modified-Since")] { conditional.append("since " + date) }
    }

    func count(_ path: String) -> Int { counts[path] ?? 0 }
}

func rss(_ items: [(path: String, title: String, text: String)]) -> String {
    let body = items.map { "<item><title>\($0.title)</title><link>\($0.path)</link><description>\($0.text)</description></item>" }.joined()
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>\(body)</channel></rss>"
}

func articlePage(_ title: String, _ body: String) -> String {
    "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(body)</p></article></body></html>"
}

let bridgeBody = "The council approved a repair plan for the harbour bridge on Tuesday after inspectors found corrosion in fourteen cables."
let ferryBody = "Ferry fares will rise by five percent in April, the operator said, blaming higher fuel costs and wages for crews."

@Suite("Source polling", .serialized)
struct SourcePollerTests {
    func poller(_ store: any EvidenceStore, timeout: Double = 30, maxBytes: Int = 1_000_000) -> SourcePoller {
        SourcePoller(
            store: store, fetcher: HTTPFetcher(configuration: .init(timeout: timeout, maxBytes: maxBytes)),
            configuration: .init(politeness: 0.01))
    }

    @Test func feedItemsAreFollowedToTheirPagesAndETagsSaveRefetching() async throws {
        let log = RequestLog()
        let feed = rss([("/bridge", "Bridge", "Short excerpt about the bridge."), ("/ferry", "Ferry", "Short excerpt about fares.")])
        try await withLoopbackServer(routes: [
            "/feed.xml": { request in
                await log.record(request)
                if request.headers[HTTPHeader("If-None-Match")] == "\"v1\"" { return HTTPResponse(statusCode: .notModified) }
                return .text(feed, contentType: "application/rss+xml", headers: ["ETag": "\"v1\""])
            },
            "/bridge": { request in
                await log.record(request); return .html(articlePage("Bridge repairs approved", bridgeBody))
            },
            "/ferry": { request in
                await log.record(request); return .html(articlePage("Ferry fares rise", ferryBody))
            },
        ]) { base in
            let store = MemoryEvidenceStore()
            try await store.save(SourceRecord(name: "local", url: base + "/feed.xml", kind: .feed, every: 900))
            // When the feed is polled twice
            let first = try await poller(store).refresh()
            let second = try await poller(store).refresh(force: true)
            // Then the first poll stores both articles with their page text; the second costs one 304
            #expect(first.first?.outcome == .updated(added: 2, duplicates: 0, skipped: 0))
            #expect(second.first?.outcome == .notModified)
            #expect(await log.count("/feed.xml") == 2)
            #expect(await log.count("/bridge") == 1)
            #expect(await log.conditional == ["etag \"v1\""])
            let hits = try await store.search(PassageQuery(text: "corrosion cables", limit: 1))
            #expect(hits.first?.passage.text.contains("fourteen cables") == true)
            #expect(hits.first?.url == base + "/bridge")
            let saved = try await store.sources().first
            #expect(saved?.etag == "\"v1\"")
            #expect(saved?.lastResult == "not modified")
        }
    }

    @Test func lastModifiedRoundTrip() async throws {
        let log = RequestLog()
        let stamp = "Tue, 03 Mar 2026 10:00:00 GMT"
        let feed = rss([("/bridge", "Bridge", bridgeBody)])
        try await withLoopbackServer(routes: [
            "/feed.xml": { request in
                await log.record(request)
                if request.headers[HTTPHeader("If-Modified-Since")] == stamp { return HTTPResponse(statusCode: .notModified) }
                return .text(feed, contentType: "application/rss+xml", headers: ["Last-Modified": stamp])
            },
            "/bridge": { _ in .html(articlePage("Bridge", bridgeBody)) },
        ]) { base in
            let store = MemoryEvidenceStore()
            try await store.save(SourceRecord(name: "local", url: base + "/feed.xml", kind: .feed, every: 900))
            _ = try await poller(store).refresh()
            let second = try await poller(store).refresh(force: true)
            #expect(second.first?.outcome == .notModified)
            #expect(await log.conditional == ["since " + stamp])
        }
    }

    @Test func failingSourcesBackOffWithoutStoppingTheOthers() async throws {
        let good = rss([("/bridge", "Bridge", bridgeBody)])
        let big = String(repeating: "<item><title>x</title></item>", count: 5000)
        try await withLoopbackServer(routes: [
            "/good.xml": { _ in .text(good, contentType: "application/rss+xml") },
            "/bridge": { _ in .html(articlePage("Bridge", bridgeBody)) },
            "/missing.xml": { _ in .html("gone", status: .notFound) },
            "/broken.xml": { _ in .html("oops", status: .internalServerError) },
            "/malformed.xml": { _ in .text("<rss><channel><item><title>never closed", contentType: "application/rss+xml") },
            "/slow.xml": { _ in
                try await Task.sleep(for: .seconds(90)); return .text(good, contentType: "application/rss+xml")
            },
            "/big.xml": { _ in .text("<rss><channel>" + big + "</channel></rss>", contentType: "application/rss+xml") },
            "/moved.xml": { _ in .redirect(to: "/good.xml", status: .movedPermanently) },
        ]) { base in
            let store = MemoryEvidenceStore()
            for name in ["good", "missing", "broken", "malformed", "slow", "big", "moved"] {
                try await store.save(SourceRecord(name: name, url: base + "/\(name).xml", kind: .feed, every: 600))
            }
            // The timeout leaves room for a loaded machine (other suites' model work shares the
            // cores with this server); the slow feed still outlasts it.
            let reports = Dictionary(
                uniqueKeysWithValues: try await poller(store, timeout: 30, maxBytes: 50_000).refresh().map { ($0.source, $0.outcome) })
            // "good" and "moved" (redirected to it) carry the same item: whichever is read first adds it.
            let added = [reports["good"], reports["moved"]]
            #expect(added.contains(.updated(added: 1, duplicates: 0, skipped: 0)), "\(added)")
            #expect(added.contains(.updated(added: 0, duplicates: 1, skipped: 0)), "\(added)")
            for name in ["missing", "broken", "malformed", "slow", "big"] {
                guard case .failed(let message) = reports[name] else {
                    Issue.record("\(name) did not fail: \(String(describing: reports[name]))")
                    continue
                }
                #expect(!message.isEmpty)
            }
            if case .failed(let message) = reports["missing"] { #expect(message.contains("404")) }
            if case .failed(let message) = reports["malformed"] { #expect(message.contains("malformed XML")) }
            // The failed sources are pushed back: twice their interval after one failure.
            let missing = try await store.sources().first { $0.name == "missing" }
            #expect(missing?.failures == 1)
            let next = try #require(missing?.nextPoll.flatMap(DateNormalizer.date))
            #expect(next.timeIntervalSinceNow > 1000 && next.timeIntervalSinceNow < 1300)
            // And a second pass skips them until due.
            let again = try await poller(store).refresh()
            #expect(again.first { $0.source == "missing" }?.outcome == .notDue)
        }
    }

    @Test func duplicateItemsAcrossTwoFeedsAreStoredOnce() async throws {
        let first = rss([("/bridge", "Bridge", bridgeBody)])
        let second = rss([("/bridge?utm_source=other", "Bridge again", bridgeBody), ("/bridge-copy", "Copy", bridgeBody)])
        try await withLoopbackServer(routes: [
            "/a.xml": { _ in .text(first, contentType: "application/rss+xml") },
            "/b.xml": { _ in .text(second, contentType: "application/rss+xml") },
            "/bridge": { _ in .html(articlePage("Bridge repairs approved", bridgeBody)) },
            "/bridge-copy": { _ in .html(articlePage("Bridge repairs approved", bridgeBody)) },
        ]) { base in
            let store = MemoryEvidenceStore()
            try await store.save(SourceRecord(name: "a", url: base + "/a.xml", kind: .feed, every: 600))
            try await store.save(SourceRecord(name: "b", url: base + "/b.xml", kind: .feed, every: 600))
            _ = try await poller(store).refresh()
            #expect(try await store.statistics().documents == 1)
        }
    }

    @Test func robotsTxtIsHonoured() async throws {
        let log = RequestLog()
        let feed = rss([("/private/bridge", "Bridge", bridgeBody)])
        try await withLoopbackServer(routes: [
            "/robots.txt": { _ in .text("User-agent: *\nDisallow: /private/\n") },
            "/feed.xml": { _ in .text(feed, contentType: "application/rss+xml") },
            "/private/bridge": { request in
                await log.record(request); return .html(articlePage("Bridge", bridgeBody))
            },
        ]) { base in
            let store = MemoryEvidenceStore()
            try await store.save(SourceRecord(name: "local", url: base + "/feed.xml", kind: .feed, every: 600))
            let reports = try await poller(store).refresh()
            #expect(await log.count("/private/bridge") == 0)
            // The feed's own text is kept instead of the page's.
            #expect(reports.first?.outcome == .updated(added: 1, duplicates: 0, skipped: 0))
        }
    }

    @Test func atomJSONFeedSitemapPageAndClaimReviewSources() async throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>Ferry</title>
            <link href="/ferry"/><summary>Fares rise.</summary></entry></feed>
            """
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "url": "/bridge", "content_text": "Bridge text"}]}
            """
        let sitemap = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/mill</loc></url></urlset>"
        let review = """
            <html><head><script type="application/ld+json">{"@type": "ClaimReview", "url": "https://checks.example/1",
            "claimReviewed": "The bridge will close for good.", "reviewRating": {"alternateName": "False"}}</script></head><body></body></html>
            """
        try await withLoopbackServer(routes: [
            "/atom.xml": { _ in .text(atom, contentType: "application/atom+xml") },
            "/feed.json": { _ in .text(json, contentType: "application/feed+json") },
            "/sitemap.xml": { _ in .text(sitemap, contentType: "application/xml") },
            "/ferry": { _ in .html(articlePage("Ferry fares rise", ferryBody)) },
            "/bridge": { _ in .html(articlePage("Bridge repairs", bridgeBody)) },
            "/mill": { _ in
                .html(articlePage("Mill reopens", "The old textile mill reopened on Saturday, eight months after a fire destroyed its east wing."))
            },
            "/page": { _ in
                .html(
                    articlePage("A single page", "A single page about the museum, which reopened after a two-year renovation costing twelve million.")
                )
            },
            "/review": { _ in .html(review) },
        ]) { base in
            let store = MemoryEvidenceStore()
            try await store.save(SourceRecord(name: "atom", url: base + "/atom.xml", kind: .feed, every: 600))
            try await store.save(SourceRecord(name: "json", url: base + "/feed.json", kind: .feed, every: 600))
            try await store.save(SourceRecord(name: "sitemap", url: base + "/sitemap.xml", kind: .sitemap, every: 600))
            try await store.save(SourceRecord(name: "page", url: base + "/page", kind: .page, every: 600))
            try await store.save(SourceRecord(name: "review", url: base + "/review", kind: .claimreview, every: 600))
            let reports = Dictionary(uniqueKeysWithValues: try await poller(store).refresh().map { ($0.source, $0.outcome) })
            for name in ["atom", "json", "sitemap", "page"] {
                #expect(reports[name] == .updated(added: 1, duplicates: 0, skipped: 0), "\(name): \(String(describing: reports[name]))")
            }
            #expect(try await store.factChecks().first?.rating == "False")
            #expect(try await store.statistics().documents == 4)
        }
    }
}

@Suite("robots.txt")
struct RobotsRulesTests {
    @Test func groupsAndLongestMatch() {
        let rules = RobotsRules(
            parsing: """
                User-agent: other
                Disallow: /

                User-agent: *
                Disallow: /private/
                Allow: /private/press/
                Disallow: /*.pdf$
                """)
        #expect(rules.allows("/news/story"))
        #expect(!rules.allows("/private/memo"))
        #expect(rules.allows("/private/press/release"))
        #expect(!rules.allows("/files/report.pdf"))
        #expect(rules.allows("/files/report.pdf.html"))
        let specific = RobotsRules(parsing: "User-agent: crosscheck\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
        #expect(!specific.allows("/anything"))
        #expect(RobotsRules.allowAll.allows("/anything"))
    }
}
