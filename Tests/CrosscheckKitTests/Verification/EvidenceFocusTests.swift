import Testing

@testable import CrosscheckKit

/// What of a passage the inference model reads.
@Suite("Evidence focus")
struct EvidenceFocusTests {
    let passage = "The ferry runs hourly. Fares will rise by 50 cents in April. The operator blamed fuel costs. Crews are short."

    @Test func byDefaultThePassageIsReadWhole() {
        #expect(EvidenceFocus().text(of: passage, for: "Ferry fares will fall in April.") == passage)
    }

    @Test func focusedTheSentencesSharingMostTermsAreKeptInTheirOrder() {
        let focus = EvidenceFocus(sentences: 2)
        #expect(
            focus.text(of: passage, for: "The operator said fares fall in April because of fuel.")
                == "Fares will rise by 50 cents in April. The operator blamed fuel costs.")
        #expect(focus.text(of: "One sentence. Two sentences.", for: "anything") == "One sentence. Two sentences.", "short passages stay whole")
        #expect(EvidenceFocus(sentences: 1).text(of: passage, for: "crews") == "Crews are short.")
    }
}
