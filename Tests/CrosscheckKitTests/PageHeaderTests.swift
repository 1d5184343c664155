import Testing

@testable import CrosscheckKit

/// The top and the tail of a copied page: the headline under navigation, a standfirst, bylines
/// without "By", photo captions and promotion boxes.
@Suite("Page headers and promotion boxes in copied text")
struct PageHeaderTests {
    let body = """
        The county will close the Mill Lane footbridge on Monday after inspectors found cracks in two of its beams, the highways department said.

        "We cannot keep a bridge open that we know is weakening," said the department's director, Ruth Okonjo.

        A detour over the Station Road bridge adds about ten minutes to the walk.
        """

    @Test func theHeadlineUnderLongNavigationIsTheLineAboveTheStandfirstAndTheByline() {
        let page = """
            Valley Courier
            Home
            News
            Sport
            Business
            Weather
            Opinion
            Culture
            Travel
            Jobs
            NEWS · TRANSPORT

            Mill Lane footbridge to close after inspectors find cracks
            The county says repairs will take until the spring and a detour will be signed from Monday
            Tom Aldous
            Transport correspondent
            Tue 1 Dec 2026 · 3 min read

            \(body)
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Transport correspondent", "the role the page prints stays with the name")
        #expect(article.published == "2026-12-01")
        // The standfirst is the article's own first paragraph; the role line is not.
        #expect(article.paragraphs.first == "The county says repairs will take until the spring and a detour will be signed from Monday")
        #expect(article.paragraphs.count == 4)
    }

    @Test func aSectionLabelInCapitalsAboveADatelineIsNoByline() {
        let page = """
            LOCAL NEWS
            Updated Dec. 1, 2026 at 9:02 a.m. ET
            Mill Lane footbridge to close after inspectors find cracks
            By Tom Aldous

            \(body)
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous")
        #expect(article.paragraphs.count == 3)
    }

    @Test func aCaptionStandingWithItsCreditIsNotTheArticle() {
        let page = """
            Mill Lane footbridge to close after inspectors find cracks
            By Tom Aldous

            Walkers cross the footbridge on Sunday afternoon.
            Photo: Jo Bloggs/Valley Courier

            \(body)
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.paragraphs.count == 3)
        #expect(!article.text.contains("Walkers cross"))
    }

    @Test func aParagraphRightAboveACreditInRunningTextStays() {
        let page = """
            Mill Lane footbridge to close after inspectors find cracks
            By Tom Aldous
            The county will close the Mill Lane footbridge on Monday, the highways department said.
            Photo: Jo Bloggs/Valley Courier
            A detour over the Station Road bridge adds about ten minutes to the walk.
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.paragraphs.count == 2)
    }

    @Test func aNewsletterBoxAfterTheStoryIsNotTheArticle() {
        let page = """
            Mill Lane footbridge to close after inspectors find cracks
            By Tom Aldous

            \(body)

            Thanks for reading the Valley Courier! Share this story with a neighbour.

            Subscribe to the Valley Courier
            Launched 4 years ago
            Independent news for the upper valley.

            Morning Briefing
            The stories that matter in the valley, every weekday at 7.
            Your email address
            Sign up
            You can unsubscribe at any time.

            More from Transport
            New bus timetable starts in January
            Parking charges rise at the station
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs.last == "A detour over the Station Road bridge adds about ten minutes to the walk.")
    }

    @Test func navigationListsAboveTheStoryEndAtABlankLine() {
        let page = """
            Home
            News
            Top Stories
            Ferry
            Weather
            Sport

            Transport
            Mill Lane footbridge to close after inspectors find cracks
            By Tom Aldous, Transport Correspondent
            Published 1 December 2026 · Updated 16:20

            The bridge has been shut to cyclists since October. Jo Bloggs / Valley Courier

            \(body)

            About the author
            Tom Aldous has covered transport in the valley since 2019, from bus timetables to the bypass inquiry, and before that reported on councils across the county for the Courier's sister papers.

            This story is free to read because readers chip in.
            Become a member from £3 a month.
            Give monthly   Give once
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Transport Correspondent")
        #expect(article.published == "2026-12-01")
        #expect(article.paragraphs.count == 3, "\(article.paragraphs)")
    }

    @Test func aDatelineBetweenTheHeadlineAndTheByline() {
        let page = """
            Home > Society > Transport

            Mill Lane footbridge to close after inspectors find cracks

            Posted : 2026-12-01 09:31 KST  Updated : 2026-12-01 11:02 KST
            By Tom Aldous, Staff Reporter

            Font size  A+  A-   Print   Share

            \(body)

            Tom Aldous  taldous@courier.example

            ⓒ The Valley Courier, All rights reserved.
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Staff Reporter")
        #expect(article.published == "2026-12-01T09:31:00+09:00")
        #expect(article.paragraphs.count == 3, "\(article.paragraphs)")
    }

    @Test func aLongStandfirstAboveTheBylineAndAPullQuoteAndBioInTheStory() {
        let page = """
            Mill Lane footbridge to close after inspectors find cracks

            The county says the cracks in two beams were found in a routine inspection, and that repairs will take until the spring at the earliest.

            By Tom Aldous, Contributing Writer
            December 1, 2026 · 4 min read

            The bridge has been shut to cyclists since October. Photograph: Jo Bloggs for the Valley Courier

            \(body)

            “We cannot keep a bridge open that we know is weakening.”

            Tom Aldous is a contributing writer at the Valley Courier. His book on river crossings is out next spring.
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Contributing Writer")
        #expect(article.paragraphs.count == 4, "\(article.paragraphs)")
        #expect(article.paragraphs.first?.hasPrefix("The county says") == true)
        #expect(article.paragraphs.last == "A detour over the Station Road bridge adds about ten minutes to the walk.")
    }

    @Test func aNameAndRoleOverADatelineAShareRowAndATrailingSectionHeading() {
        let page = """
            News › Transport

            Mill Lane footbridge to close after inspectors find cracks

            Tom Aldous, Chief Transport Writer
            Thursday 3 December 2026, 17:20
            4 min read

            \(body)

            Share this article
            Facebook    X    WhatsApp    Copy link

            FAN ZONE
            2 comments
            Hannah Iverson
            2h ago
            About time.
            Reply
            Priya Raman
            1h ago
            Where is the detour?
            Reply
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Chief Transport Writer")
        #expect(article.paragraphs.count == 3, "\(article.paragraphs)")
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "Priya Raman"])
    }

    @Test func aNavigationListRunningIntoTheHeadlineAndAPullQuoteWithItsAttribution() {
        let page = """
            Top Stories
            Local
            Climate
            Mill Lane footbridge to close after inspectors find cracks
            The county says repairs will take until the spring and a detour will be signed from Monday
            Tom Aldous, Valley News
            Posted: Dec 01, 2026 5:00 AM AST | Last Updated: 7 hours ago
            Social Sharing

            \(body)

            We cannot keep a bridge open that we know is weakening

            Ruth Okonjo, highways director
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Valley News")
        #expect(article.published == "2026-12-01T05:00:00-04:00")
        #expect(article.paragraphs.count == 4, "\(article.paragraphs)")
    }

    @Test func aBylineThatRunsOnIntoTheDateAndShareButtons() {
        #expect(
            ArticleHeaderLines.bylineName("By Ana Ruiz and Tom Roe December 3, 2026December 3, 2026 Facebook X Email Print") == "Ana Ruiz and Tom Roe"
        )
        #expect(
            ArticleHeaderLines.bylineName("By Rhian Pritchard Local democracy reporter Thursday, 12 March 2026, 6:00am")
                == "Rhian Pritchard, Local democracy reporter")
        #expect(ArticleHeaderLines.bylineName("By Dana Whitfield") == "Dana Whitfield")
        #expect(DateNormalizer.iso8601("Dec 1, 2026 7:12 AM AST") == "2026-12-01T07:12:00-04:00")
        #expect(DateNormalizer.iso8601("24/11/2026 14:05") == "2026-11-24T14:05:00Z")
        #expect(DateNormalizer.iso8601("02.12.2026, 07:48") == "2026-12-02T07:48:00Z")
        #expect(DateNormalizer.iso8601("02/12/2026 12:47") == nil)
        #expect(DateNormalizer.isAmbiguousNumericDate("02/12/2026 12:47"))
    }

    @Test func aCommentCountInTheShareRowIsNotTheCommentSection() {
        let page = """
            Mill Lane footbridge to close after inspectors find cracks
            By Tom Aldous
            Share on Facebook
            17 comments

            \(body)

            Comments (2)
            Hannah Iverson
            2 hours ago
            About time, the railing is loose.
            Reply
            Tomasz Wrobel
            1 hour ago
            Where will the detour be signed?
            Reply
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.paragraphs.count == 3, "\(article.paragraphs)")
        #expect(article.comments.map(\.author) == ["Hannah Iverson", "Tomasz Wrobel"])
    }

    @Test func aNameOverItsRoleUnderARelativeDatelineWithACaptionLabel() {
        let page = """
            News
            Local

            Mill Lane footbridge to close after inspectors find cracks
            11 hours ago
            Share
            Save
            Tom Aldous
            Transport correspondent, Valley News
            Image source, Valley News
            Image caption,
            The footbridge has carried walkers over the river since 1931
            \(body)
            Most viewed
            1
            Heatwave warning for the valley this weekend
            2
            Mill Lane footbridge to close after inspectors find cracks
            """
        let article = PlainTextExtractor().extract(text: page)
        #expect(article.title == "Mill Lane footbridge to close after inspectors find cracks")
        #expect(article.byline == "Tom Aldous, Transport correspondent, Valley News")
        #expect(article.paragraphs.count == 3, "the caption and the headline listed again are not the article: \(article.paragraphs)")
    }
}
