import Testing

@testable import CrosscheckKit

@Suite("HTML metadata")
struct HTMLMetadataTests {
    func extract(head: String, body: String = "") -> Article {
        HTMLArticleExtractor().extract(
            html:
                "<html><head>\(head)</head><body>\(body)<article><p>Body text that is long enough to be an article paragraph.</p></article></body></html>",
            url: "https://news.example/section/story?id=1")
    }

    @Test func titleFromJSONLDHeadlineFirst() {
        let article = extract(
            head: """
                <title>Title tag | Site</title><meta property="og:title" content="OG title">
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"JSON-LD headline"}]}</script>
                """, body: "<h1>H1 title</h1>")
        #expect(article.title == "JSON-LD headline")
    }

    @Test func titleFromOpenGraph() {
        let article = extract(head: "<title>Title tag | Site</title><meta property='og:title' content='OG title'>", body: "<h1>H1</h1>")
        #expect(article.title == "OG title")
    }

    @Test func titleFromH1() {
        #expect(extract(head: "<title>Title tag | Site</title>", body: "<h1>The H1 title</h1>").title == "The H1 title")
    }

    @Test(arguments: [
        ("Bridge vote passes | The Harbour Herald", "Bridge vote passes"),
        ("Bridge vote passes - Herald", "Bridge vote passes"),
        ("Bridge vote passes — Harbour Herald News", "Bridge vote passes"),
        ("No suffix at all here", "No suffix at all here"),
    ])
    func titleTagMinusSiteSuffix(raw: String, expected: String) {
        #expect(extract(head: "<title>\(raw)</title>").title == expected)
    }

    @Test func ogTitleLosesKnownSiteName() {
        let article = extract(
            head: "<meta property='og:title' content='Storm closes port | Coast News'><meta property='og:site_name' content='Coast News'>")
        #expect(article.title == "Storm closes port")
    }

    @Test func bylineFromJSONLDAuthors() {
        let article = extract(
            head: """
                <script type="application/ld+json">[{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ada Byron"},{"@type":"Person","name":"Alan Turing"}]}]</script>
                """)
        #expect(article.byline == "Ada Byron, Alan Turing")
    }

    @Test func bylineFromMetaAuthor() {
        #expect(extract(head: "<meta name='author' content='Grace Hopper'>").byline == "Grace Hopper")
    }

    @Test func bylineFromRelAuthorOrBylineClass() {
        #expect(extract(head: "", body: "<p class='byline'>By <a rel='author' href='/x'>Katherine Johnson</a></p>").byline == "Katherine Johnson")
        #expect(extract(head: "", body: "<div class='byline'>By Dorothy Vaughan</div>").byline == "Dorothy Vaughan")
    }

    @Test func aRoleInItsOwnElementBeforeTheDateFollowsTheName() {
        let body = """
            <div class='story-byline'><span class='story-byline__name'>By <a href='/authors/ada'>Ada Lovelace</a></span>
            <span class='story-byline__role'>Science Editor</span> <span class='story-byline__date'>4 March 2026</span></div>
            """
        #expect(extract(head: "", body: body).byline == "Ada Lovelace, Science Editor")
    }

    @Test func publishedFromEachSource() {
        #expect(
            extract(
                head:
                    "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"x\",\"datePublished\":\"2026-01-05T10:00:00+01:00\"}</script>"
            ).published == "2026-01-05T10:00:00+01:00")
        #expect(extract(head: "<meta property='article:published_time' content='2026-02-03T04:05:06Z'>").published == "2026-02-03T04:05:06Z")
        #expect(extract(head: "", body: "<time datetime='2026-03-04'>March 4</time>").published == "2026-03-04")
        #expect(extract(head: "<meta itemprop='datePublished' content='2026-05-06'>").published == "2026-05-06")
    }

    @Test func canonicalURL() {
        #expect(extract(head: "<link rel='canonical' href='https://news.example/story'>").url == "https://news.example/story")
        #expect(extract(head: "<meta property='og:url' content='https://news.example/og'>").url == "https://news.example/og")
        #expect(extract(head: "<link rel='canonical' href='/relative/story'>").url == "https://news.example/relative/story")
        #expect(extract(head: "").url == "https://news.example/section/story?id=1")
    }

    @Test func bylineAndDatelineParagraphsBecomeMetadata() {
        let article = HTMLArticleExtractor().extract(
            html: """
                <html><body><div class="content"><p>By Jane Roe</p><p>Published March 3, 2026</p>
                <p>The first real paragraph of the story, long enough to count, with commas, too.</p></div></body></html>
                """)
        #expect(article.byline == "Jane Roe")
        #expect(article.published == "2026-03-03")
        #expect(article.paragraphs == ["The first real paragraph of the story, long enough to count, with commas, too."])
    }

    @Test func theHeadlineOnThePageOutranksOneWrittenForSharing() {
        let head = """
            <meta property="og:title" content="Ferry fares rise for islanders">
            <script type='application/ld+json'>{"@type":"NewsArticle","headline":"Ferry fares rise for islanders"}</script>
            """
        let shown = "<h1>Ferry fares for islanders rise by a fifth as operator cites fuel costs</h1>"
        #expect(extract(head: head, body: shown).title == "Ferry fares for islanders rise by a fifth as operator cites fuel costs")
        // An <h1> that is the site's name, not the story, leaves the declared headline alone.
        #expect(extract(head: head, body: "<h1>The Island Times</h1>").title == "Ferry fares rise for islanders")
    }
}
