import CrosscheckKit
import CrosscheckTesting
import Foundation
import Testing

@testable import CrosscheckEval

@Suite("Verification evaluation")
struct VerificationEvalTests {
    /// A tiny SciFact-shaped folder: three abstracts, one supported claim, one contradicted, one
    /// with no evidence.
    func sciFactFolder() throws -> URL {
        let folder = ScratchFolder.root.appendingPathComponent("scifact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func line(_ object: [String: Any]) throws -> String { String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) }
        let corpus = [
            try line([
                "doc_id": 11, "title": "Vitamin D and bone fractures in older adults",
                "abstract": [
                    "We followed 4,000 adults over 70 for five years.", "Vitamin D supplements reduced hip fractures by 20 percent.",
                    "Adverse events were rare.",
                ],
            ]),
            try line([
                "doc_id": 22, "title": "Coffee intake and heart rhythm",
                "abstract": [
                    "Coffee drinkers were studied for atrial fibrillation.", "Coffee intake did not increase the risk of atrial fibrillation.",
                ],
            ]),
            try line([
                "doc_id": 33, "title": "Soil bacteria in alpine meadows",
                "abstract": ["Alpine soils hold diverse bacteria.", "Diversity fell with altitude."],
            ]),
        ]
        try corpus.joined(separator: "\n").write(to: folder.appendingPathComponent("corpus.jsonl"), atomically: true, encoding: .utf8)
        let claims = [
            try line([
                "id": 1, "claim": "Vitamin D supplements reduce hip fractures in older adults.",
                "evidence": ["11": [["sentences": [1], "label": "SUPPORT"]]], "cited_doc_ids": [11],
            ]),
            try line([
                "id": 2, "claim": "Coffee intake increases the risk of atrial fibrillation.",
                "evidence": ["22": [["sentences": [1], "label": "CONTRADICT"]]], "cited_doc_ids": [22],
            ]),
            try line(["id": 3, "claim": "Jupiter's moons have liquid oceans.", "evidence": [String: Any](), "cited_doc_ids": [33]]),
        ]
        try claims.joined(separator: "\n").write(to: folder.appendingPathComponent("claims_dev.jsonl"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func sciFactLoadsGoldLabelsAndRationales() throws {
        let data = try SciFactData(directory: try sciFactFolder().path, split: "dev")
        #expect(data.abstracts.count == 3)
        #expect(data.claims.map(\.labels) == [[11: "SUPPORT"], [22: "CONTRADICT"], [:]])
        #expect(data.claims[0].rationales[11] == [1])
        let sets = try StanceData.sciFactClaimSets(directory: try sciFactFolder().path, split: "dev")
        #expect(sets.map(\.label) == ["supported", "refuted", "not_enough_info"])
        #expect(sets[0].evidence.contains("Vitamin D supplements reduced hip fractures by 20 percent."))
        #expect(throws: EvalError.self) { try SciFactData(directory: "/nonexistent", split: "dev") }
    }

    @Test func abstractLevelScoresCountRetrievalAndLabels() async throws {
        let data = try SciFactData(directory: try sciFactFolder().path, split: "dev")
        let store = MemoryEvidenceStore()
        try await SciFactEvaluation.importCorpus(data, into: store)
        let evaluation = SciFactEvaluation(verifier: try ClaimVerifier.bundled())
        let result = try await evaluation.run(data, store: store)
        #expect(result.claims == 3)
        #expect(result.goldPairs == 2)
        #expect(result.recallAt3 == 1)
        // The unrelated claim retrieves nothing relevant, so it predicts nothing.
        #expect(try await evaluation.evidenceAbstracts("Jupiter's moons have liquid oceans.", store: store).isEmpty)
        #expect(try await evaluation.evidenceAbstracts("Vitamin D supplements reduce hip fractures in older adults.", store: store).first == 11)
        #expect(result.f1 > 0)
    }

    @Test func calibrationBinsAndExpectedError() {
        let calibration = Calibration(confidences: [0.9, 0.9, 0.7, 0.3], correct: [true, false, true, false], binCount: 5)
        #expect(calibration.bins.map(\.count) == [1, 1, 2])
        #expect(abs(calibration.bins[2].accuracy - 0.5) < 1e-9)
        // |0.3-0| + |0.7-1| + 2 × |0.9-0.5|, over 4.
        #expect(abs(calibration.expectedError - (0.3 + 0.3 + 0.8) / 4) < 1e-9)
    }

    @Test func macroF1AveragesEveryLabel() {
        let score = MacroF1.score(gold: ["a", "a", "b", "c"], predicted: ["a", "b", "b", "b"], labels: ["a", "b", "c"])
        #expect(abs(score.perLabel["a"]! - 2.0 / 3) < 1e-9)
        #expect(abs(score.perLabel["b"]! - 0.5) < 1e-9)
        #expect(score.perLabel["c"] == 0)
        #expect(abs(score.macro - (2.0 / 3 + 0.5) / 3) < 1e-9)
    }

    @Test func verdictCurvesAreFittedToOutcomes() {
        let points = (0..<200).map { index -> (strength: Double, correct: Bool) in
            let strength = Double(index) / 200
            return (strength, index % 10 < Int(strength * 10))
        }
        let curve = VerdictPolicy.fitCurve(points)
        let policy = VerdictPolicy(calibration: ["supported": curve])
        #expect(policy.confidence("supported", strength: 0.9) > 0.75)
        #expect(policy.confidence("supported", strength: 0.1) < 0.25)
    }
}
