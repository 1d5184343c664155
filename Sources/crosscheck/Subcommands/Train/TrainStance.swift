import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct TrainStance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stance", abstract: "Train the stance model on COVID-Fact train and SciFact train.")

    @Option(help: "shared/data/covid-fact") var covidFact: String
    @Option(help: "shared/data/scifact") var scifact: String
    @Option(name: .shortAndLong, help: "Where to write the model file.") var output: String

    func run() throws {
        let pairs = try StanceData.covidFact(directory: covidFact, split: "train") + StanceData.sciFact(directory: scifact, split: "train")
        var model = StanceTraining().train(pairs, info: ["data": "covid-fact train + scifact train pairs=\(pairs.count)", "seed": "1"])
        model.classifier.info["lists"] = FeatureLists.digest(for: "stance")
        model.classifier.info["version"] = "stance-lr-" + Digests.sha256Hex(try model.classifier.encoded()).prefix(12)
        try model.classifier.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(pairs.count) pairs; wrote \(output) (\(model.classifier.version))")
    }
}
