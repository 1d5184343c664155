import Foundation
import Testing

@testable import CrosscheckKit

@Suite("Check-worthiness model")
struct CheckworthinessModelTests {
    @Test func bundledModelLoadsAndRanksFactualClaimsFirst() throws {
        let model = try CheckworthinessModel.bundled()
        #expect(model.version.hasPrefix("checkworthiness-lr-"))
        let factual = [
            "Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.",
            "The city spent $48 million on the bridge in 2024.",
            "Crime has doubled since the mill closed in 2019.",
        ]
        let opinions = ["Thank you all for coming tonight.", "I love this town.", "Good evening, everyone."]
        for sentence in factual { #expect(model.isCheckworthy(sentence), "\(sentence) \(model.score(sentence))") }
        for sentence in opinions { #expect(!model.isCheckworthy(sentence), "\(sentence) \(model.score(sentence))") }
        for sentence in factual + opinions { #expect((0...1).contains(model.score(sentence))) }
    }

    @Test func fileRoundTripKeepsScores() throws {
        let model = try CheckworthinessModel.bundled()
        let reloaded = try CheckworthinessModel.load(from: try model.encoded())
        let sentence = "Rents rose 12 percent in 2025."
        #expect(abs(reloaded.score(sentence) - model.score(sentence)) < 1e-6)
        #expect(reloaded.threshold == model.threshold)
    }

    @Test func damagedFilesAreRefusedWithAClearError() throws {
        var data = try CheckworthinessModel.bundled().encoded()
        data.removeLast(10)
        #expect(throws: CrosscheckError.self) { try CheckworthinessModel.load(from: data) }
        #expect(throws: CrosscheckError.self) { try CheckworthinessModel.load(from: Data("hello".utf8)) }
    }

    @Test func trainingIsDeterministicAndLearns() throws {
        // Given a small separable data set
        let positive = (0..<40).map { "The budget rose \($0 + 2) percent to $\($0 + 10) million in 2024." }
        let negative = (0..<40).map { "Thank you \(["all", "so much", "everyone", "friends"][$0 % 4]) for coming tonight." }
        let featurizer = TextFeaturizer(dimensions: 1 << 14)
        let examples = (positive.map { ($0, true) } + negative.map { ($0, false) }).map {
            (vector: featurizer.vector($0.0), label: $0.1, weight: Float(1))
        }
        // When trained twice with the same seed
        let first = LogisticRegression.train(examples, dimensions: featurizer.dimensions, options: .init(epochs: 5, seed: 3))
        let second = LogisticRegression.train(examples, dimensions: featurizer.dimensions, options: .init(epochs: 5, seed: 3))
        // Then the weights are identical and the classes are separated
        #expect(first.weights == second.weights)
        #expect(first.probability(featurizer.vector("The deficit rose 7 percent to $3 million in 2023.")) > 0.5)
        #expect(first.probability(featurizer.vector("Thank you all for coming.")) < 0.5)
    }
}
