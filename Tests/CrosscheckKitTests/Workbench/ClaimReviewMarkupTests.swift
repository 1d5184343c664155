import CrosscheckKit
import Foundation
import Testing

@Suite("ClaimReview markup")
struct ClaimReviewMarkupTests {
    static func markup(claim: String = "Ferry fares will rise by 5 percent in April.", verdict: String = "refuted") -> ClaimReviewMarkup {
        ClaimReviewMarkup(
            claimReviewed: claim, reviewRating: ClaimReviewMarkup.rating(for: verdict)!, url: "https://news.example/fact-checks/1-0",
            author: .init(type: "Organization", name: "The Ledger", url: "https://news.example"), datePublished: "2026-12-02",
            itemReviewed: .init(
                author: .init(type: "Person", name: "Dana Holt"), datePublished: "2026-03-03", appearance: [.init(url: "https://news.example/ferry")])
        )
    }

    @Test func verdictsMapToAFivePointScaleAndUnknownHasNone() {
        #expect(ClaimReviewMarkup.rating(for: "refuted")?.ratingValue == 1)
        #expect(ClaimReviewMarkup.rating(for: "mixed")?.alternateName == "Mixture")
        #expect(ClaimReviewMarkup.rating(for: "supported")?.ratingValue == 5)
        #expect(ClaimReviewMarkup.rating(for: "not_enough_info") == nil)
    }

    @Test func completeMarkupHasTheFieldsConsumersRequire() throws {
        let markup = Self.markup()
        #expect(markup.problems.isEmpty, "\(markup.problems)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(markup.jsonLD().utf8)) as? [String: Any])
        #expect(json["@context"] as? String == "https://schema.org")
        #expect(json["@type"] as? String == "ClaimReview")
        let rating = try #require(json["reviewRating"] as? [String: Any])
        #expect(rating["alternateName"] as? String == "False" && rating["bestRating"] as? Int == 5 && rating["worstRating"] as? Int == 1)
        let item = try #require(json["itemReviewed"] as? [String: Any])
        #expect(item["@type"] as? String == "Claim")
        #expect((item["appearance"] as? [[String: Any]])?.first?["url"] as? String == "https://news.example/ferry")
    }

    @Test func theLinterNamesWhatIsWrong() {
        var markup = Self.markup(claim: String(repeating: "very long claim ", count: 30))
        markup.url = nil
        markup.reviewRating.ratingValue = 9
        markup.datePublished = "someday"
        markup.itemReviewed.appearance = []
        let problems = markup.problems.joined(separator: "\n")
        #expect(problems.contains("claimReviewed has"))
        #expect(problems.contains("url is missing"))
        #expect(problems.contains("outside 1–5"))
        #expect(problems.contains("not a date"))
        #expect(problems.contains("no appearance"))
    }

    @Test func theSnippetCannotBeBrokenOutOfByTheClaimText() throws {
        let html = try Self.markup(claim: "It said </script><script>alert(1)</script> & more").htmlSnippet()
        #expect(!html.contains("</script><script>"))
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(html.components(separatedBy: "</script>").count == 2, "only the snippet's own script element closes")
    }
}
