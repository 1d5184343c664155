import Testing

@testable import CrosscheckKit

@Suite("HTML body extraction")
struct HTMLBodyExtractionTests {
    /// Every messy fixture has three or four paragraphs marked BODY, in order, and nothing else.
    @Test(arguments: [
        ("furniture.html", 3), ("unclosed-tags.html", 4), ("nested-tables.html", 3), ("entities.html", 3),
        ("script-strings.html", 3), ("comments-in-body.html", 3), ("no-article.html", 3),
        ("sidebar-comments.html", 2), ("microdata-comments.html", 2), ("br-paragraphs.html", 3),
    ])
    func bodyParagraphsOnly(fixture: String, count: Int) throws {
        // Given a messy page, when it is extracted
        let article = try Fixtures.article(fixture)
        // Then the body is exactly the BODY paragraphs, in order
        let labels = ["one", "two", "three", "four"].prefix(count)
        #expect(article.paragraphs.count == count, "\(article.paragraphs)")
        for (paragraph, label) in zip(article.paragraphs, labels) {
            #expect(paragraph.hasPrefix("BODY \(label):"), "\(paragraph)")
        }
        #expect(!article.text.contains("FURNITURE"))
        #expect(!article.text.contains("NOT BODY"))
    }

    @Test func entitiesAreDecoded() throws {
        let article = try Fixtures.article("entities.html")
        #expect(article.paragraphs[0].contains("café on Rue de l’Église paid €12 000 in fees — twice last year's total"))
        #expect(article.paragraphs[1].contains("“We were never told,” said its owner, Renée Dubois & her partner."))
        #expect(article.paragraphs[2].contains("5 < 7 and 9 > 3"))
        #expect(article.title == "Café owners & the city")
    }

    @Test func unclosedInlineTagsKeepText() throws {
        let article = try Fixtures.article("unclosed-tags.html")
        #expect(article.paragraphs[2] == "BODY three: bold text that is never closed, and italic inside it")
    }

    @Test func commentNodesInsideBodyAreIgnored() throws {
        let article = try Fixtures.article("comments-in-body.html")
        #expect(article.paragraphs[0] == "BODY one: the harbour master confirmed the closure on Friday.")
        #expect(article.paragraphs[1] == "BODY two: ships will be diverted to the north quay for three days.")
    }

    @Test func linksInsideParagraphsStay() throws {
        let article = try Fixtures.article("br-paragraphs.html")
        #expect(article.paragraphs[2] == "BODY three: customers will see the change on bills from July.")
    }

    @Test(arguments: [
        "<div class='share-tools'><p>FURNITURE</p></div>",
        "<div id='newsletter-box'><p>FURNITURE</p></div>",
        "<aside><p>FURNITURE</p></aside>",
        "<nav><p>FURNITURE</p></nav>",
        "<figure><figcaption>FURNITURE</figcaption></figure>",
        "<div class='audio-player'><p>FURNITURE</p></div>",
        "<div class='related-articles'><p>FURNITURE</p></div>",
        "<div class='cookie-banner'><p>FURNITURE</p></div>",
        "<div class='promo-box'><p>FURNITURE</p></div>",
        "<ul class='tag-list'><li>FURNITURE</li></ul>",
        "<p class='image-credit'>FURNITURE</p>",
        "<div style='display: none'><p>FURNITURE</p></div>",
        "<div hidden><p>FURNITURE</p></div>",
        "<div role='navigation'><p>FURNITURE</p></div>",
        "<p>Listen to this article</p>",
        "<p>Share this article</p>",
        "<p>Advertisement</p>",
        "<p>Sign up for our newsletter to get the latest news in your inbox.</p>",
    ])
    func eachFurnitureKindIsDropped(furniture: String) {
        let html = """
            <html><body><article>
            <p>The first body paragraph is long enough to count as article text for the extractor.</p>
            \(furniture)
            <p>The second body paragraph is also long enough to count as article text, with a comma.</p>
            </article></body></html>
            """
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.paragraphs.count == 2, "\(article.paragraphs)")
    }

    @Test func deeplyNestedPagesDoNotCrash() {
        let depth = 5000
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep paragraph text that sits under five thousand divs, and still counts.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = HTMLArticleExtractor().extract(html: html)
        #expect(article.paragraphs.contains { $0.hasPrefix("Deep paragraph") })
    }

    @Test func garbageDoesNotCrash() {
        for html in ["", "<", "<<<>>>", "</p></div></body>", "<html", "\u{0}\u{1}<p>x", "<p " + String(repeating: "a=", count: 1000)] {
            _ = HTMLArticleExtractor().extract(html: html)
        }
    }

    @Test func aSubheadingUnderTheHeadlineOpensTheStoryAndANoteUnderItDoesNot() {
        let article = HTMLArticleExtractor().extract(
            html: """
                <html><body><div class="xx-story"><h1 class="xx-story__title">Harbour wall to be rebuilt after storm damage</h1>
                <h2 class="xx-story__sub">Repairs costing £2.1m will start in May and take most of the summer, the council says.</h2>
                <div class="xx-story__text"><p>The harbour wall breached in January's storm will be rebuilt from May, the council has confirmed.</p>
                <p>Boats will moor at the north quay while the work goes on.</p>
                <p class="xx-funding-note"><em>This report was produced with support from a local news fund.</em></p></div></div></body></html>
                """)
        #expect(
            article.paragraphs == [
                "Repairs costing £2.1m will start in May and take most of the summer, the council says.",
                "The harbour wall breached in January's storm will be rebuilt from May, the council has confirmed.",
                "Boats will moor at the north quay while the work goes on.",
            ])
    }

    @Test func theWritersBoxUnderTheStoryIsNotIt() {
        let article = HTMLArticleExtractor().extract(
            html: """
                <html><body><article><h1>Council approves new skate park</h1>
                <div class="zz-body"><p>The council approved a new skate park beside the leisure centre on Tuesday night.</p>
                <p>Building will start in the spring and cost 400,000.</p></div>
                <div class="zz-authorbox"><p class="zz-authorbox__name">Ola Brandt</p><p class="zz-authorbox__role">Community Reporter</p>
                <p>Ola covers the town's parks, clubs and schools.</p></div></article></body></html>
                """)
        #expect(
            article.paragraphs == [
                "The council approved a new skate park beside the leisure centre on Tuesday night.",
                "Building will start in the spring and cost 400,000.",
            ])
    }
}
