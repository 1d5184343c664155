import Testing

@testable import CrosscheckKit

@Suite("Stance")
struct StanceTests {
    @Test func pairCuesSeeMissingWordsNumbersNegationAndAntonyms() {
        let cues = StanceFeatures.cues(claim: "Cases rose 20 percent in March.", evidence: "Cases fell 12 percent in March, officials did not say why.")
        #expect(cues.contains("antonym"))
        #expect(cues.contains("numbers:missing"))
        #expect(cues.contains("negation:-e"))
        #expect(cues.contains("absent:rose"))
        #expect(cues.contains("shared:case"))
    }

    @Test func verdictsFromTheShippedModel() throws {
        let model = try StanceModel.bundled()
        let p = model.stance(claim: "The council approved the plan.", evidence: "The council approved the plan on Tuesday.")
        #expect(abs(p.supports + p.refutes + p.neutral - 1) < 1e-9)
    }
}
