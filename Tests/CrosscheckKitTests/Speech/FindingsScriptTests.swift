import CrosscheckKit
import Testing

@Suite("Findings script")
struct FindingsScriptTests {
    let findings = [
        FindingsScript.Finding(
            claim: "The bridge carries 90,000 cars a day.", verdict: "refuted", source: "Harbour Authority", sourceDate: "2026-10-01T09:00:00Z"),
        FindingsScript.Finding(claim: "Tolls rose twice.", verdict: "mixed"),
        FindingsScript.Finding(claim: "The bridge opened in 1932.", verdict: "supported", source: "City archive"),
        FindingsScript.Finding(claim: "Repairs will end in May.", verdict: "not_enough_info"),
    ]

    @Test func reviewedFindingsNameEachRefutedOrMixedClaimAndItsSource() {
        let script = FindingsScript(findings: findings, reviewed: true, comments: .init(total: 8, flagged: 3)).paragraphs
        #expect(script.first == "The newsroom checked 4 claims in this article.")
        #expect(
            script.contains(
                "The claim that The bridge carries 90,000 cars a day is rated false. It is contradicted by Harbour Authority, published 2026-10-01."))
        #expect(script.contains("The claim that Tolls rose twice is rated partly true."))
        #expect(script.contains("One claim is supported by sources."))
        #expect(script.contains("For one claim there is not enough evidence yet."))
        #expect(script.last == "3 of 8 comments look inauthentic.")
        #expect(!script.joined().contains("1932"), "supported claims are counted, not read out")
    }

    @Test func automatedFindingsSayNoEditorReviewedThem() {
        let script = FindingsScript(findings: findings, reviewed: false).paragraphs
        #expect(script.first?.contains("No editor has reviewed these findings") == true)
        #expect(!script.joined().contains("comments"))
        #expect(FindingsScript(findings: [], reviewed: true).paragraphs == ["The newsroom has not published any fact-checks of this article."])
    }
}
