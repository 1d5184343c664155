import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Feeds and sitemaps")
struct FeedParserTests {
    func parse(_ text: String, base: String = "https://news.example/feed") throws -> Feed {
        try FeedParser().parse(Data(text.utf8), base: base)
    }

    @Test func rss2WithContentEncodedAndRelativeLinks() throws {
        let feed = try parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Harbour News</title>
            <item><title>Bridge repairs approved</title><link>/2026/03/bridge?utm_source=rss&amp;id=7</link>
              <guid>tag:news.example,2026:1</guid><pubDate>Tue, 03 Mar 2026 14:30:00 GMT</pubDate><dc:creator>Mara Okafor</dc:creator>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>The council approved the repairs on Tuesday night.</p><p>Work starts in June.</p>]]></content:encoded></item>
            <item><title>Ferry fares</title><link>https://news.example/ferry</link><description>&lt;p&gt;Fares rise 5% in April.&lt;/p&gt;</description></item>
            </channel></rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "Harbour News")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.url == "https://news.example/2026/03/bridge?id=7")
        #expect(first.published == "2026-03-03T14:30:00Z")
        #expect(first.author == "Mara Okafor")
        #expect(first.text == "The council approved the repairs on Tuesday night.\n\nWork starts in June.")
        #expect(feed.items[1].text == "Fares rise 5% in April.")
    }

    @Test func atom() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>
            <entry><id>urn:1</id><title type="html">Budget &amp;amp; taxes</title>
            <link rel="alternate" href="https://ledger.example/budget#top"/><link rel="edit" href="/edit/1"/>
            <published>2026-02-01T08:00:00+01:00</published><author><name>Sam Ortiz</name></author>
            <summary>The county passed its budget.</summary></entry></feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.items.first?.url == "https://ledger.example/budget")
        #expect(feed.items.first?.title == "Budget & taxes")
        #expect(feed.items.first?.published == "2026-02-01T08:00:00+01:00")
        #expect(feed.items.first?.author == "Sam Ortiz")
        #expect(feed.items.first?.text == "The county passed its budget.")
    }

    @Test func jsonFeed() throws {
        let feed = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [
              {"id": "1", "url": "https://wire.example/a", "title": "A", "date_published": "2026-01-02T03:04:05Z",
               "content_html": "<p>First paragraph.</p><p>Second.</p>", "authors": [{"name": "Lee"}]}]}
            """)
        #expect(feed.format == .jsonFeed)
        #expect(feed.items.first?.text == "First paragraph.\n\nSecond.")
        #expect(feed.items.first?.author == "Lee")
    }

    @Test func newsSitemapAndIndex() throws {
        let sitemap = try parse(
            """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://news.example/a</loc><news:news><news:publication_date>2026-03-03</news:publication_date>
            <news:title>Bridge vote</news:title></news:news></url>
            <url><loc>https://news.example/b</loc><lastmod>2026-03-04T10:00:00Z</lastmod></url></urlset>
            """)
        #expect(sitemap.format == .sitemap)
        #expect(sitemap.items.map(\.url) == ["https://news.example/a", "https://news.example/b"])
        #expect(sitemap.items[0].title == "Bridge vote")
        #expect(sitemap.items[0].published == "2026-03-03")
        let index = try parse(
            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>/news.xml</loc></sitemap></sitemapindex>")
        #expect(index.format == .sitemapIndex)
        #expect(index.items.first?.url == "https://news.example/news.xml")
    }

    @Test func brokenFeedsSayWhatIsWrong() {
        #expect(throws: CrosscheckError.self) { try parse("<rss><channel><item><title>unclosed") }
        #expect(throws: CrosscheckError.self) { try parse("<html><body><p>a page</p></body></html>") }
        #expect(throws: CrosscheckError.self) { try parse("just text") }
        #expect(throws: CrosscheckError.self) { try parse("{\"not\": \"a feed\"}") }
    }
}

@Suite("Evidence documents")
struct EvidenceDocumentTests {
    @Test(arguments: [
        ("HTTPS://News.Example:443/a/b/?utm_source=x&b=2&a=1#frag", "https://news.example/a/b?a=1&b=2"),
        ("http://news.example:80/story/?fbclid=abc", "http://news.example/story"),
        ("/relative/path", "https://base.example/relative/path"),
    ])
    func canonicalURLs(raw: String, expected: String) {
        #expect(URLCanonicalizer.canonical(raw, base: "https://base.example/x/y") == expected)
    }

    @Test func nonWebLinksAreRefused() {
        #expect(URLCanonicalizer.canonical("mailto:someone@example.com") == nil)
        #expect(URLCanonicalizer.canonical("javascript:void(0)") == nil)
    }

    @Test func simHashSeparatesNearFromDifferent() {
        let text =
            String(repeating: "The council approved the repair plan for the harbour bridge after a long debate on costs. ", count: 3)
            + "Work starts in June and will take eighteen months, officials said on Tuesday."
        let near = text.replacingOccurrences(of: "Tuesday", with: "Wednesday")
        let other = "Ferry fares will rise by five percent in April, the operator announced, citing fuel costs and wages."
        #expect(SimHash.distance(SimHash.fingerprint(text), SimHash.fingerprint(near)) <= SimHash.nearDuplicateDistance)
        #expect(SimHash.distance(SimHash.fingerprint(text), SimHash.fingerprint(other)) > 10)
    }

    @Test func passagesAreSentenceWindowsInsideParagraphs() {
        let text = "One. Two. Three. Four. Five.\n\nSix in a new paragraph."
        let passages = PassageSplitter().passages(in: text)
        #expect(passages.map(\.text) == ["One. Two. Three.", "Three. Four. Five.", "Six in a new paragraph."])
        let scalars = Array(text.unicodeScalars)
        for passage in passages { #expect(scalars.text(TextSpan(start: passage.start, end: passage.end)) == passage.text) }
    }

    @Test func jsonLinesImportReportsBadLines() {
        let data = Data(
            """
            {"id": "d1", "title": "T", "url": "https://x.example/a?utm_medium=m", "published": "2026-01-02", "text": "Some text here."}
            not json
            {"id": 7, "text": ""}
            {"doc_id": 42, "title": "Abstract", "abstract": ["First sentence.", "Second sentence."]}
            """.utf8)
        let result = DocumentConverter(source: "test", retrieved: "2026-03-01T00:00:00Z").jsonLines(data, name: "docs.jsonl")
        #expect(result.documents.map(\.externalID) == ["d1", "42"])
        #expect(result.documents[0].url == "https://x.example/a")
        #expect(result.documents[1].text == "First sentence. Second sentence.")
        #expect(result.problems == ["docs.jsonl:2: not a JSON object; skipped", "docs.jsonl:3: no \"text\"; skipped"])
    }
}

@Suite("Fact-check files")
struct FactCheckReaderTests {
    @Test func claimReviewInAPage() throws {
        let html = """
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/bridge",
             "claimReviewed": "The Harbour Bridge will close for good in June.", "datePublished": "2026-03-05",
             "author": {"@type": "Organization", "name": "Checks Desk"},
             "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Poster"}},
             "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"}}
            </script></head><body></body></html>
            """
        let checks = try FactCheckReader().read(Data(html.utf8)).factChecks
        #expect(checks.count == 1)
        #expect(checks[0].id == "https://checks.example/bridge")
        #expect(checks[0].rating == "False")
        #expect(checks[0].publisher == "Checks Desk")
        #expect(checks[0].claimant == "A. Poster")
        #expect(checks[0].date == "2026-03-05")
    }

    @Test func googleFactCheckToolsResponse() throws {
        let json = """
            {"claims": [{"text": "Fares doubled last year.", "claimant": "A post", "claimReview": [
              {"publisher": {"name": "Checks Desk", "site": "checks.example"}, "url": "https://checks.example/fares",
               "title": "No, fares did not double", "reviewDate": "2026-01-10T00:00:00Z", "textualRating": "False"}]}]}
            """
        let checks = try FactCheckReader().read(Data(json.utf8)).factChecks
        #expect(checks.first?.claim == "Fares doubled last year.")
        #expect(checks.first?.rating == "False")
        #expect(checks.first?.url == "https://checks.example/fares")
    }

    @Test func jsonLinesInBothSpellings() throws {
        let lines = """
            {"id": "fc-1", "claim": "The mill closed in 2019.", "title": "Mill closure", "rating": "True"}
            {"vclaim_id": "vclaim-1", "vclaim": "A video shows a giant snake.", "title": "Giant snake?", "date": "6 March 2021"}
            broken line
            """
        let result = try FactCheckReader().read(Data(lines.utf8), name: "checks.jsonl")
        #expect(result.factChecks.map(\.id) == ["fc-1", "vclaim-1"])
        #expect(result.factChecks[1].date == "2021-03-06")
        #expect(result.problems == ["checks.jsonl:3: not valid JSON; skipped"])
    }

    @Test func matcherFindsTheSameClaimInOtherWords() throws {
        let checks = [
            FactCheck(id: "bridge", claim: "The Harbour Bridge will be closed permanently starting in June.", rating: "False"),
            FactCheck(id: "fares", claim: "Bus fares in Port Alder doubled in 2025.", rating: "Mostly false"),
            FactCheck(id: "mill", claim: "The old textile mill reopened after a fire.", rating: "True"),
        ]
        let matcher = ClaimMatcher(factChecks: checks, reranker: try MatchReranker.bundled())
        let matches = matcher.match("BREAKING: they are closing the #HarbourBridge for good in June!!! https://t.co/x pic.twitter.com/abc", limit: 3)
        #expect(matches.first?.factCheck.id == "bridge")
        #expect(matcher.match("ok", limit: 3).isEmpty, "too short to match")
    }

    @Test func socialTextNormalisation() {
        #expect(
            SocialText.normalize("Wow #AustralianFires @JoeBiden 🔥 https://t.co/x pic.twitter.com/abc")
                == "Wow Australian Fires Joe Biden")
        #expect(SocialText.signOffDate("Some text — Forbes (@Forbes) January 28, 2021") == "2021-01-28")
    }
}
