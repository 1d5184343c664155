import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

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
        let encoder = meaning ? try SharedEngine.engine().requiredEncoder(for: "--meaning") : nil
        var info = ["data": "tweepfake tweets=\(examples.count)", "seed": "1"]
        if let encoder { info["encoder"] = encoder.identity.recorded }
        var model = TextClassifierEvaluation.standard(.machine).withMeaning(encoder).train(examples, info: info)
        model.info["lists"] = FeatureLists.digest(for: "machine")
        model.info["version"] = (meaning ? "machine-meaning-lr-" : "machine-lr-") + Digests.sha256Hex(try model.encoded()).prefix(12)
        try model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(examples.count) tweets; wrote \(output) (\(model.version))")
    }
}
