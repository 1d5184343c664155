import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalMachineText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "machine-text",
        abstract: "Machine-written text: train on TweepFake train, accuracy on validation (overall and per generator).")

    @Option(help: "The TweepFake folder (shared/data/tweepfake).")
    var data: String

    @Option(help: "Seed for training.")
    var seed: UInt64 = 1

    @OptionGroup var hyper: ClassifierOptions

    func run() throws {
        let (train, validation) = try CommentData.tweepfake(directory: data)
        let evaluation = try hyper.apply(to: TextClassifierEvaluation.standard(.machine, seed: seed))
        let clock = ContinuousClock()
        let start = clock.now
        let model = evaluation.train(train)
        print("train \(train.count), validation \(validation.count); trained in \(clock.now - start)")
        let peer = evaluation.peer(train)
        let scored = Dictionary(zip(validation.map(\.text), evaluation.scores(model, validation.map(\.text))), uniquingKeysWith: { a, _ in a })
        let score: (String) -> Double = { scored[$0] ?? model.score($0) }
        let ours = TextClassifierEvaluation.measure(validation, score: score)
        let theirs = TextClassifierEvaluation.measure(validation, score: peer)
        print("accuracy".padding(toLength: 20, withPad: " ", startingAt: 0) + "crosscheck   TF-IDF+LR peer")
        print("all".padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%.3f        %.3f", ours.accuracy, theirs.accuracy))
        for group in ["human", "gpt2", "rnn", "others"] {
            let part = validation.filter { $0.group == group }
            guard !part.isEmpty else { continue }
            print(
                group.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(
                        format: "%.3f        %.3f", TextClassifierEvaluation.measure(part, score: score).accuracy,
                        TextClassifierEvaluation.measure(part, score: peer).accuracy))
        }
    }
}
