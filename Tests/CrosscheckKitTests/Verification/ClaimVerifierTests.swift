import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Claim verification")
struct ClaimVerifierTests {
    let verifier: ClaimVerifier

    init() throws {
        verifier = ClaimVerifier(model: try StanceModel.bundled())
    }

    func passages(_ texts: String...) -> [EvidencePassage] {
        texts.enumerated().map { EvidencePassage(id: "p\($0.offset + 1)", text: $0.element) }
    }

    @Test func numericContradictionRefutesWithItsReason() {
        let result = verifier.verify(
            claim: "Unemployment fell to 4.1% in May.", passages: passages("Official figures show unemployment fell to 4.6% in May."))
        #expect(result.label == "refuted")
        #expect(result.passages[0].stance.stance == "refutes")
        #expect(result.passages[0].stance.reasons.contains("number check: the claim says 4.1% but the source says 4.6%"))
    }

    @Test func misattributedQuoteIsRefuted() {
        let result = verifier.verify(
            claim: "Mayor Jane Smith said “we cannot keep patching a 1968 bridge”.",
            passages: passages("“We cannot keep patching a 1968 bridge,” said Tom Reyes, a council member, at the meeting."))
        #expect(result.label == "refuted")
    }

    @Test func dateMismatchIsRefuted() {
        let result = verifier.verify(
            claim: "The Harbour Bridge closed on June 4, 2025.",
            passages: passages("The Harbour Bridge closed on July 9, 2025, after inspectors found cracks."))
        #expect(result.label == "refuted")
    }

    @Test func halfRightCompoundClaimIsMixed() {
        let result = verifier.verify(
            claim: "The council approved the repair plan and cut the transport budget by 10%.",
            passages: passages("The council approved the repair plan on Tuesday.", "The transport budget was cut by 25%, the council said."))
        #expect(result.label == "mixed")
        #expect(result.reasons.first?.contains("is supported but") == true)
    }

    @Test func evidenceBothWaysIsMixed() {
        let result = verifier.verify(
            claim: "Unemployment fell to 4.1% in May.",
            passages: passages(
                "Unemployment fell to 4.1% in May, the statistics office said.", "Revised figures show unemployment fell to 4.6% in May."))
        #expect(result.label == "mixed")
    }

    @Test func onlyUnrelatedEvidenceIsNotEnoughInfo() {
        let result = verifier.verify(
            claim: "The council approved the bridge repair plan.",
            passages: passages("Ferry fares rise in April.", "The museum reopened after renovation.", "Rain is expected on Friday."))
        #expect(result.label == "not_enough_info")
        #expect(result.passages.allSatisfy { $0.stance.stance == "neutral" })
        #expect(verifier.verify(claim: "The council approved the bridge repair plan.", passages: []).label == "not_enough_info")
    }

    @Test func statedOutrightIsSupported() {
        let result = verifier.verify(
            claim: "More than 10,000 people attended the rally in Riverside.",
            passages: passages("Police said 12,400 people attended the rally in Riverside on Saturday."))
        #expect(result.label == "supported")
        #expect(result.confidence > 0.5)
    }

    @Test func retrievalFromAStoreCitesDocuments() async throws {
        let store = MemoryEvidenceStore()
        let documents = [
            EvidenceDocument(
                externalID: "stats", source: "import", title: "May labour figures", retrieved: "2026-06-01T00:00:00Z",
                text: "Unemployment fell to 4.6% in May, the statistics office said. Employment rose in every region."),
            EvidenceDocument(
                externalID: "ferry", source: "import", title: "Ferry fares", retrieved: "2026-06-02T00:00:00Z",
                text: "Ferry fares rise in April. The operator blamed fuel costs."),
        ]
        _ = try await store.add(documents)
        let result = try await verifier.verify(claim: "Unemployment fell to 4.1% in May.", store: store)
        #expect(result.label == "refuted")
        #expect(result.cited.first?.passage.id == "stats")
        #expect(result.cited.first?.passage.title == "May labour figures")
    }
}
