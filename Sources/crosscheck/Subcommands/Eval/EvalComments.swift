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
            print(
                video.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: "%.3f (%.3f)         %.3f (%.3f)", result.f1, result.accuracy, peer.f1, peer.accuracy))
        }
        print(
            "mean".padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "%.3f                 %.3f", ours.reduce(0, +) / Double(ours.count), peers.reduce(0, +) / Double(peers.count)))
    }
}
