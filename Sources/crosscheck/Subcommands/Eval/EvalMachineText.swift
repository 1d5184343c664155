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

    @Option(
        help:
            "Measure this fine-tuned sentence classifier (a folder written by scripts/train-classifier/train.py --task machine-text) at its own threshold instead of training one."
    )
    var fineTuned: String?

    @OptionGroup var hyper: ClassifierOptions

    func run() throws {
        let (train, validation) = try CommentData.tweepfake(directory: data)
        let evaluation = try hyper.apply(to: TextClassifierEvaluation.standard(.machine, seed: seed))
        let clock = ContinuousClock()
        let start = clock.now
        let validationScores: [Double]
        var threshold = 0.5
        if let fineTuned {
            guard let encoder = try SharedEngine.engine().encoder() else {
                throw ValidationError("--fine-tuned needs the sentence encoder, which is not installed")
            }
            // The regression it may be blended with is trained here on train alone, as the classifier was.
            var model = evaluation.train(train)
            model.fineTuned = try SentenceClassifier(directory: URL(fileURLWithPath: fineTuned), encoder: encoder)
            guard let own = model.fineTuned?.blend?.threshold ?? model.fineTuned?.threshold else {
                throw ValidationError("\(fineTuned) has no threshold in its manifest")
            }
            threshold = own
            validationScores = model.scores(validation.map(\.text))
            let blend = model.fineTuned?.blend.map { " blended with the regression (weight \($0.weight))" } ?? ""
            print("fine-tuned \(model.version)\(blend) at threshold \(threshold); validation \(validation.count), scored in \(clock.now - start)")
        } else {
            let model = evaluation.train(train)
            print("train \(train.count), validation \(validation.count); trained in \(clock.now - start)")
            validationScores = evaluation.scores(model, validation.map(\.text))
        }
        let peer = evaluation.peer(train)
        let scored = Dictionary(zip(validation.map(\.text), validationScores), uniquingKeysWith: { a, _ in a })
        let score: (String) -> Double = { scored[$0] ?? 0 }
        let ours = TextClassifierEvaluation.measure(validation, threshold: threshold, score: score)
        let theirs = TextClassifierEvaluation.measure(validation, score: peer)
        print("accuracy".padding(toLength: 20, withPad: " ", startingAt: 0) + "crosscheck   TF-IDF+LR peer")
        print("all".padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%.3f        %.3f", ours.accuracy, theirs.accuracy))
        for group in ["human", "gpt2", "rnn", "others"] {
            let part = validation.filter { $0.group == group }
            guard !part.isEmpty else { continue }
            print(
                group.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(
                        format: "%.3f        %.3f", TextClassifierEvaluation.measure(part, threshold: threshold, score: score).accuracy,
                        TextClassifierEvaluation.measure(part, score: peer).accuracy))
        }
    }
}
