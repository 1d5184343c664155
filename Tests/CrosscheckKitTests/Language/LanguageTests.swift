import Testing

@testable import CrosscheckKit

@Suite("Language")
struct LanguageTests {
    @Test func clickbaitHeadlines() {
        #expect(LanguageSignals.clickbait("You won't believe what the mayor did next!").score >= 0.6)
        #expect(LanguageSignals.clickbait("10 SHOCKING facts about the bridge vote").reasons.contains("opens with a number (a list)"))
        #expect(LanguageSignals.clickbait("Council approves $48 million bridge repair plan").score == 0)
    }

    @Test func hedgesAbsolutesAndEmotion() {
        let signals = LanguageSignals.count("The plan may possibly work, but critics say it will never, ever fix this disgusting, corrupt mess!")
        #expect(signals.hedges == ["may", "possibly"])
        #expect(signals.absolutes == ["never"])
        #expect(signals.emotional == ["disgusting", "corrupt"])
        #expect(signals.exclamations == 1)
    }

    @Test func anotherSenseOfAnEmotionalWordIsNotCounted() {
        // The verb of place is not the noun of falsehood.
        #expect(LanguageSignals.count("The difficulty now lies in funding the repairs.").emotional.isEmpty)
        #expect(LanguageSignals.count("The answer lies with the council, which lies about costs.").emotional == ["lies"])
        #expect(LanguageSignals.count("He told lies. In court he admitted it.").emotional == ["lies"])
    }

    @Test func techniqueSpansIndexTheText() throws {
        let analyzer = LanguageAnalyzer(techniques: try MultiHeadClassifier.bundled("techniques"), truthfulness: nil)
        let text =
            "The council met on Tuesday to discuss the budget.\nThese traitors and their radical thugs want to destroy our great nation, and every patriot knows it!"
        let spans = analyzer.techniqueSpans(text)
        let scalars = Array(text.unicodeScalars)
        #expect(!spans.isEmpty)
        #expect(spans.allSatisfy { scalars.text(TextSpan(start: $0.start, end: $0.end)) == $0.text })
        #expect(spans.allSatisfy { $0.start >= 50 }, "the plain first line is not flagged: \(spans.map(\.text))")
        #expect(spans.allSatisfy { (0...1).contains($0.score) })
    }

    @Test func techniquesTheModelLeavesUnmarkedAreNeverMarked() throws {
        var techniques = try MultiHeadClassifier.bundled("techniques")
        let shipped = LanguageAnalyzer.unmarked(in: techniques)
        #expect(!shipped.isEmpty, "the shipped model names the techniques whose marks cost span F1")
        #expect(!shipped.contains("Loaded_Language"))
        let text = "Everyone knows this is the only way: either we stand together or we lose everything, again and again and again."
        let everything = LanguageAnalyzer(techniques: techniques, truthfulness: nil)
        var all = everything
        all.unmarked = []
        let marked = Set(all.techniqueSpans(text).map(\.technique))
        #expect(!marked.isEmpty)
        // Leaving out what this sentence is marked with: none of it comes back, the sentence keeps a mark.
        techniques.info["unmarked"] = marked.sorted().joined(separator: "|")
        let without = LanguageAnalyzer(techniques: techniques, truthfulness: nil)
        #expect(without.unmarked == marked)
        let spans = without.techniqueSpans(text)
        #expect(spans.allSatisfy { !marked.contains($0.technique) }, "\(spans.map(\.technique))")
        #expect(!spans.isEmpty, "the likeliest technique left is marked instead")
        #expect(everything.techniqueSpans(text).allSatisfy { !shipped.contains($0.technique) })
    }

    @Test func loadedWordsAreMarkedAsWordsNotWholeSentences() throws {
        let analyzer = LanguageAnalyzer(
            techniques: try MultiHeadClassifier.bundled("techniques"), truthfulness: nil, tokens: try MultiHeadClassifier.bundled("tokens"))
        let text = "The corrupt, treasonous thugs in Washington are destroying this once great nation, and the radical media cheer them on."
        let spans = analyzer.techniqueSpans(text)
        let scalars = Array(text.unicodeScalars)
        let wordLevel = spans.filter { TokenSpans.techniques.contains($0.technique) }
        #expect(!wordLevel.isEmpty, "\(spans)")
        #expect(wordLevel.allSatisfy { $0.end - $0.start < scalars.count / 2 }, "word-level spans are short: \(wordLevel.map(\.text))")
        #expect(wordLevel.allSatisfy { scalars.text(TextSpan(start: $0.start, end: $0.end)) == $0.text })
    }

    @Test func styleScoreRisesWithPersuasion() throws {
        let analyzer = LanguageAnalyzer(techniques: try MultiHeadClassifier.bundled("techniques"), truthfulness: nil)
        let plain = analyzer.analyze(
            text: "The board approved the budget on Monday. Spending rises 4 percent next year.", title: "Board approves budget", claims: nil)
        let loaded = analyzer.analyze(
            text: "These corrupt traitors want to destroy everything we love! Wake up before it's too late! They always lie, every single time.",
            title: "You won't believe what these traitors did!", claims: nil)
        #expect(loaded.score > plain.score + 0.2, "\(plain.score) vs \(loaded.score)")
        #expect(loaded.reasons.contains { $0.hasPrefix("headline:") })
    }

    @Test func truthfulnessIsAProbability() throws {
        let analyzer = LanguageAnalyzer(techniques: nil, truthfulness: try MultiHeadClassifier.bundled("truthfulness"))
        let estimate = try #require(analyzer.truthfulnessEstimate("Says the governor doubled the state debt in two years."))
        #expect(["pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"].contains(estimate.label))
        #expect((0...1).contains(estimate.score))
    }
}
