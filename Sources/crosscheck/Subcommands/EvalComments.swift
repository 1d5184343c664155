import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalComments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract: "Comment spam: train on two YouTube videos, test on the third (each in turn); spam F1.")

    @Option(help: "The YouTube spam folder (shared/data/youtube-spam).")
    var data: String

    @Option(help: "Seed for training.")
    var seed: UInt64 = 1

    @OptionGroup var hyper: ClassifierOptions

    func run() throws {
        let all = try CommentData.youtubeSpam(directory: data)
        let evaluation = try hyper.apply(to: TextClassifierEvaluation.standard(.spam, seed: seed))
        let videos = Array(Set(all.map(\.group))).sorted()
        print("comments \(all.count) in \(videos.count) videos; train on the others, test on one")
        print("held-out video".padding(toLength: 24, withPad: " ", startingAt: 0) + "spam F1 (accuracy)    TF-IDF+LR peer")
        var ours: [Double] = []
        var peers: [Double] = []
        for video in videos {
            let train = all.filter { $0.group != video }
            let test = all.filter { $0.group == video }
            let model = evaluation.train(train)
            let result = TextClassifierEvaluation.measure(test, score: model.score)
            let peer = TextClassifierEvaluation.measure(test, score: evaluation.peer(train))
            ours.append(result.f1)
            peers.append(peer.f1)
            print(video.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "%.3f (%.3f)         %.3f (%.3f)", result.f1, result.accuracy, peer.f1, peer.accuracy))
        }
        print("mean".padding(toLength: 24, withPad: " ", startingAt: 0)
            + String(format: "%.3f                 %.3f", ours.reduce(0, +) / Double(ours.count), peers.reduce(0, +) / Double(peers.count)))
    }
}

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
            print(group.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(format: "%.3f        %.3f", TextClassifierEvaluation.measure(part, score: score).accuracy,
                    TextClassifierEvaluation.measure(part, score: peer).accuracy))
        }
    }
}

struct TrainComments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments", abstract: "Train the comment spam model on every YouTube spam video.")

    @Option(help: "The YouTube spam folder.")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    func run() throws {
        let all = try CommentData.youtubeSpam(directory: data)
        var model = TextClassifierEvaluation.standard(.spam).train(all, info: ["data": "youtube-spam comments=\(all.count)", "seed": "1"])
        model.info["version"] = "spam-lr-" + SHA256.hex(try model.encoded()).prefix(12)
        try model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(all.count) comments; wrote \(output) (\(model.version))")
    }
}

struct TrainMachineText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "machine-text", abstract: "Train the machine-written text model on TweepFake train.")

    @Option(help: "The TweepFake folder.")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    @Flag(help: "Also train on the validation split.")
    var includeValidation = false

    @Flag(help: "Add the sentence encoder's embedding to the features (the shipped machine-meaning.model).")
    var meaning = false

    func run() throws {
        let (train, validation) = try CommentData.tweepfake(directory: data)
        let examples = includeValidation ? train + validation : train
        let encoder = meaning ? try SharedEncoder.required(for: "--meaning") : nil
        var info = ["data": "tweepfake tweets=\(examples.count)", "seed": "1"]
        if let encoder { info["encoder"] = encoder.identity.recorded }
        var model = TextClassifierEvaluation.standard(.machine).withMeaning(encoder).train(examples, info: info)
        model.info["version"] = (meaning ? "machine-meaning-lr-" : "machine-lr-") + SHA256.hex(try model.encoded()).prefix(12)
        try model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(examples.count) tweets; wrote \(output) (\(model.version))")
    }
}
