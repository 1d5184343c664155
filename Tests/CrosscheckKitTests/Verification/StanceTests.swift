import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Stance")
struct StanceTests {
    @Test func pairCuesSeeMissingWordsNumbersNegationAndAntonyms() {
        let cues = StanceFeatures.cues(
            claim: "Cases rose 20 percent in March.", evidence: "Cases fell 12 percent in March, officials did not say why.")
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

@Suite("Relevance model file")
struct RelevanceModelFileTests {
    @Test func roundTripsAndRejectsOtherFeatures() throws {
        let rows = (0..<100).map { index -> (features: [Double], label: Bool) in
            let x = Double(index) / 100
            return (RelevanceFeatures.names.map { _ in x }, x > 0.5)
        }
        let model = DenseLogisticModel.train(kind: "relevance", names: RelevanceFeatures.names, rows: rows)
        let loaded = try RelevanceModel.load(from: model.encoded())
        let probe = RelevanceFeatures.names.map { _ in 0.9 }
        #expect(abs(loaded.model.probability(probe) - model.probability(probe)) < 1e-9)
        #expect(loaded.model.probability(probe) > loaded.model.probability(RelevanceFeatures.names.map { _ in 0.1 }))
        var other = model
        other.names = Array(other.names.dropLast()) + ["something.else"]
        #expect(throws: CrosscheckError.self) { try RelevanceModel.load(from: other.encoded()) }
        #expect(throws: CrosscheckError.self) { try RelevanceModel.load(from: Data("not a model".utf8)) }
    }

    @Test func relevantPassagesScoreAboveUnrelatedOnes() throws {
        let model = try RelevanceModel.bundled()
        let claim = "vitamin supplements reduce hip fractures older adults"
        let idf = ["vitamin": 3.0, "supplement": 2.5, "reduc": 1.0, "hip": 3.5, "fractur": 3.0, "older": 1.5, "adult": 1.2]
        let scores = model.probabilities(
            claim: claim,
            candidates: [
                ("Vitamin D supplements reduced hip fractures by 20 percent in older adults.", "Vitamin D and fractures", 30),
                ("Adults over 70 were followed for five years.", "Ageing cohorts", 4),
            ], idf: idf)
        #expect(scores[0] > model.threshold)
        #expect(scores[0] > scores[1])
    }
}
