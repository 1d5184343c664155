import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

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
        model.info["lists"] = FeatureLists.digest(for: "spam")
        model.info["version"] = "spam-lr-" + Digests.sha256Hex(try model.encoded()).prefix(12)
        try model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(all.count) comments; wrote \(output) (\(model.version))")
    }
}
