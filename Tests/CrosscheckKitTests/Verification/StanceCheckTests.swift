import Testing

@testable import CrosscheckKit

@Suite("Explainable stance checks")
struct StanceCheckTests {
    func findings(_ check: some StanceCheck, claim: String, passage: String) -> [CheckFinding] {
        check.findings(claim: Statement(claim, quotations: true), passage: Statement(passage, quotations: true))
    }

    func effect(_ check: some StanceCheck, claim: String, passage: String) -> CheckFinding.Effect? {
        findings(check, claim: claim, passage: passage).first?.effect
    }

    @Test func exactFiguresAgreeOnlyWhenTheyMatch() {
        #expect(effect(NumberCheck(), claim: "Unemployment fell to 4.1% in May.", passage: "Unemployment fell to 4.6% in May.") == .refutes)
        #expect(effect(NumberCheck(), claim: "Unemployment fell to 4.1% in May.", passage: "Unemployment fell to 4.1% in May.") == .supports)
        #expect(effect(NumberCheck(), claim: "The repairs cost $48 million.", passage: "The repairs will cost $52 million.") == .refutes)
        #expect(effect(NumberCheck(), claim: "The repairs cost $48 million.", passage: "Repairs cost about $48.2 million.") == .supports)
    }

    @Test func approximationsHaveTheirTolerance() {
        let claim = "More than 10,000 people attended the rally."
        #expect(effect(NumberCheck(), claim: claim, passage: "Police said 12,400 people attended the rally.") == .supports)
        #expect(effect(NumberCheck(), claim: claim, passage: "Police said 8,000 people attended the rally.") == .refutes)
        let third = "About a third of voters backed the plan."
        #expect(effect(NumberCheck(), claim: third, passage: "The poll found 34% of voters backed the plan.") == .supports)
        #expect(effect(NumberCheck(), claim: third, passage: "The poll found 60% of voters backed the plan.") == .refutes)
    }

    @Test func percentIsNotPercentagePoints() {
        let found = findings(NumberCheck(), claim: "Inflation rose 1.2% last year.", passage: "Inflation rose 1.2 percentage points last year.")
        #expect(found.first?.effect == .refutes)
        #expect(found.first?.reason.contains("percentage points") == true)
    }

    @Test func pairedCountsAgreePairForPair() {
        #expect(
            effect(NumberCheck(), claim: "The council approved it by a vote of 7 to 2.", passage: "The council voted 5 to 4 to approve it.")
                == .refutes)
        #expect(
            effect(NumberCheck(), claim: "The council approved it by a vote of 7 to 2.", passage: "The council voted 7-2 to approve it.") == .supports
        )
    }

    @Test func numbersAboutOtherThingsAreNotCompared() {
        #expect(findings(NumberCheck(), claim: "Unemployment fell to 4.1% in May.", passage: "Turnout reached 61% in the election.").isEmpty)
        // Day numbers belong to dates.
        #expect(findings(NumberCheck(), claim: "The bridge closed on June 4, 2025.", passage: "The bridge closed on July 9, 2025.").isEmpty)
    }

    @Test func datesDisagreeAtTheSamePrecision() {
        let found = findings(
            DateCheck(), claim: "The bridge closed on June 4, 2025.", passage: "The bridge closed on July 9, 2025, after inspectors found cracks.")
        #expect(found.first?.effect == .refutes)
        #expect(found.first?.reason == "the claim says June 4, 2025 but the source says July 9, 2025")
        #expect(effect(DateCheck(), claim: "The bridge closed in June 2025.", passage: "The bridge closed on June 4, 2025.") == .supports)
        // A passage about something else says nothing about the claim's date.
        #expect(findings(DateCheck(), claim: "The bridge closed on June 4, 2025.", passage: "The museum reopened on July 9, 2025.").isEmpty)
    }

    @Test func oppositesAndNegationsRefute() {
        let found = findings(PolarityCheck(), claim: "Exports rose sharply in 2024.", passage: "Exports fell sharply in 2024, customs data show.")
        #expect(found.first?.reason == "the claim says \"rose\" where the source says \"fell\"")
        #expect(effect(PolarityCheck(), claim: "The council approved the bridge plan.", passage: "The council rejected the bridge plan.") == .refutes)
        #expect(
            effect(PolarityCheck(), claim: "The vaccine causes infertility in women.", passage: "The vaccine does not cause infertility in women.")
                == .refutes)
        #expect(findings(PolarityCheck(), claim: "Exports rose sharply in 2024.", passage: "Ticket prices fell.").isEmpty)
    }

    @Test func someoneElseInTheRoleRefutes() {
        let found = findings(
            EntityRoleCheck(), claim: "Senator Mary Lopez introduced the housing bill in the Senate.",
            passage: "Senator David Chen introduced the housing bill in the Senate on Monday.")
        #expect(found.first?.effect == .refutes)
        #expect(found.first?.reason.contains("David Chen") == true)
    }

    @Test func quotationsAreMatchedWithTheirSpeakers() {
        let claim = "Mayor Jane Smith said “we cannot keep patching a 1968 bridge”."
        let misattributed = findings(
            QuoteCheck(), claim: claim, passage: "“We cannot keep patching a 1968 bridge,” said Tom Reyes, a council member.")
        #expect(misattributed.first?.effect == .refutes)
        #expect(misattributed.first?.reason.contains("Tom Reyes") == true)
        let verbatim = findings(QuoteCheck(), claim: claim, passage: "“We cannot keep patching a 1968 bridge,” Mayor Jane Smith said on Tuesday.")
        #expect(verbatim.first?.effect == .supports)
        let misquoted = findings(QuoteCheck(), claim: claim, passage: "“We cannot keep patching this bridge,” Mayor Jane Smith said.")
        #expect(misquoted.first?.effect == .refutes)
        #expect(findings(QuoteCheck(), claim: claim, passage: "The bridge was built in 1968.").isEmpty)
    }

    @Test func passagesInTheClaimsOwnWordsSupport() {
        #expect(
            effect(CoverageCheck(), claim: "The council approved the repair plan.", passage: "On Tuesday the council approved the repair plan.")
                == .supports)
        #expect(findings(CoverageCheck(), claim: "The council approved the repair plan.", passage: "The council met on Tuesday.").isEmpty)
    }
}
