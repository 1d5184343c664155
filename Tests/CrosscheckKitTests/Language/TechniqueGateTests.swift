import Foundation
import Testing

@testable import CrosscheckKit

/// The shipped technique gate (a sentence classifier fine-tuned from the encoder that decides which
/// sentences use some persuasion technique) against its trainer's outputs, and what it changes in
/// the language stage: marks on loaded sentences only, none on a sober report.
@Suite("Technique gate")
struct TechniqueGateTests {
    static let reference = CheckworthinessClassifierTests.reference(in: "techniques-ce")

    static let gate: TechniqueGate? = {
        guard let encoder = try? SentenceEncoder.bundled() else { return nil }
        return try? TechniqueGate.bundled(encoder: encoder)
    }()

    static func analyzer(gate: TechniqueGate?) throws -> LanguageAnalyzer {
        LanguageAnalyzer(
            techniques: try MultiHeadClassifier.bundled("techniques"), truthfulness: nil, tokens: try MultiHeadClassifier.bundled("tokens"),
            gate: gate)
    }

    @Test func theShippedGateLoadsWithItsThresholdAndDisplayThresholds() throws {
        let reference = try #require(Self.reference)
        let gate = try #require(Self.gate, "the technique gate should load with the encoder")
        #expect(reference.model == gate.classifier.identity.version)
        #expect(gate.classifier.labels == ["none", "technique"])
        #expect(gate.threshold > 0 && gate.threshold < 1)
        #expect(gate.displayThresholds["Loaded_Language"] != nil, "the gate's own measured display threshold")
        let analyzer = try Self.analyzer(gate: gate)
        #expect(analyzer.displayThresholds == gate.displayThresholds)
    }

    @Test func probabilitiesMatchTheTrainer() throws {
        let reference = try #require(Self.reference)
        let gate = try #require(Self.gate)
        for row in reference.texts { #expect(gate.classifier.ids(row.text) == row.ids, "\(row.text)") }
        var worst = 0.0
        for (row, p) in zip(reference.texts, gate.probabilities(reference.texts.map(\.text))) {
            worst = max(worst, abs(row.probabilities[1] - p))
        }
        #expect(worst < 2e-3, "largest difference \(worst)")
    }

    @Test func loadedSentencesPassAndReportedFactsDoNot() throws {
        let gate = try #require(Self.gate)
        let reported = [
            "The district council approved the new budget on Monday evening.",
            "Spending on roads will rise by 4 percent next year, the finance officer said.",
            "Councillors voted 9 to 2 in favour of the plan after a two-hour debate.",
        ]
        let loaded = [
            "This reckless, shameful plan will bankrupt our children and grandchildren.",
            "Only a fool would trust these arrogant bureaucrats with another penny.",
            "The spineless cowards in parliament sold out every hard-working family.",
        ]
        let p = gate.probabilities(reported + loaded)
        #expect(p.prefix(3).allSatisfy { $0 < gate.threshold }, "\(p)")
        #expect(p.suffix(3).allSatisfy { $0 >= gate.threshold }, "\(p)")
    }

    @Test func marksFallOnlyOnTheSentencesTheGatePasses() throws {
        let gate = try #require(Self.gate)
        let text = """
            The council approved the budget on Monday.
            This reckless, shameful plan will bankrupt our children and grandchildren.
            The vote was 9 to 2 after a two-hour debate.
            Only a fool would trust these arrogant bureaucrats with another penny.
            """
        let lines = LanguageAnalyzer.units(text)
        let spans = try Self.analyzer(gate: gate).techniqueSpans(text)
        #expect(!spans.isEmpty)
        for span in spans {
            let line = try #require(lines.firstIndex { $0.start <= span.start && span.end <= $0.end })
            #expect(line == 1 || line == 3, "\(span.technique) on “\(span.text)”")
        }
        // Closed shut, the gate lets no sentence through, whatever the heads of words say.
        var closed = gate
        closed.threshold = 1.01
        #expect(try Self.analyzer(gate: closed).techniqueSpans(text).isEmpty)
    }

    @Test func aSentenceTheGatePassesWithNoMarkedWordIsMarkedWhole() throws {
        let gate = try #require(Self.gate)
        let text = "The mainstream media will never tell you the truth about this."
        #expect(gate.probabilities([text])[0] >= gate.threshold)
        var analyzer = try Self.analyzer(gate: gate)
        let spans = analyzer.techniqueSpans(text)
        #expect(spans.count == 1, "\(spans)")
        #expect(spans.first.map { $0.start == 0 && $0.end == text.unicodeScalars.count } == true, "the whole sentence: \(spans)")
        analyzer.markSentenceWhenNoWordIs = false
        #expect(analyzer.techniqueSpans(text).isEmpty, "no word head marks a word of it")
    }

    @Test func aSoberReportIsNotMarkedWithTheGate() throws {
        let gate = try #require(Self.gate)
        // A plain local report whose words ("poor", "failed", "hoping") the heads of words alone
        // read as loaded language in four of its four sentences.
        let text = """
            Inspections last spring rated the pier's decking "fair" and its supports "poor", the lowest rating given to any structure in the district.
            Residents of the two villages have asked for an evening bus since the last operator stopped running in 2022 after its only coach failed an inspection.
            Some parents say the buses arrive too early for children who finish school late.
            "We cannot keep patching a 1950s pier and hoping for the best," the harbour master said.
            """
        let words = try Self.analyzer(gate: nil).analyze(text: text, title: nil, claims: nil)
        let gated = try Self.analyzer(gate: gate).analyze(text: text, title: nil, claims: nil)
        #expect(words.techniques.count >= 4, "the words alone mark it: \(words.techniques.map(\.text))")
        #expect(gated.techniques.isEmpty, "\(gated.techniques.map { "\($0.technique): \($0.text)" })")
        #expect(gated.score < 0.1 && words.score > 0.5, "style score \(words.score) without the gate, \(gated.score) with it")
    }
}
