import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct TrainCheckworthiness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkworthiness",
        abstract: "Train the check-worthiness model (deterministic for a given seed).",
        discussion: """
            Trains on every training file in DIR; the yes/no threshold is the best-F1 threshold on a \
            seeded 10% of ClaimBuster, found with a model trained without that slice. The shipped \
            model was made with: crosscheck train checkworthiness --data ../shared/data/checkworthiness \
            --output Sources/CrosscheckModels/Models/checkworthiness.model
            """
    )

    @Option(help: "The check-worthiness data folder (shared/data/checkworthiness).")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the model file.")
    var output: String

    @OptionGroup var hyper: CheckworthinessTrainingOptions

    func run() throws {
        let examples = try CheckworthinessData.load(directory: data).filter { $0.source != .claimbuster2020 }
        let evaluation = try hyper.evaluation
        // Calibrate the threshold on a ClaimBuster slice the calibration model has not seen.
        var generator = SeededGenerator(seed: hyper.seed)
        var calibration: [CheckworthinessExample] = []
        var rest: [CheckworthinessExample] = []
        for example in examples {
            if example.source == .claimbuster, Double.random(in: 0..<1, using: &generator) < 0.1 {
                calibration.append(example)
            } else {
                rest.append(example)
            }
        }
        let threshold = evaluation.train(rest, calibration: calibration).threshold
        let counts = Dictionary(grouping: examples, by: \.source).mapValues(\.count)
        // No timestamps in the file: the same data and options give the same bytes.
        var model = evaluation.train(
            examples, calibration: [],
            info: [
                "data": counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ","),
                "seed": String(hyper.seed),
                "training":
                    "epochs=\(hyper.epochs) learning-rate=\(hyper.learningRate) l2=\(hyper.l2) clef2019-weight=\(hyper.clef2019Weight) clef2020-weight=\(hyper.clef2020Weight)",
            ].merging(evaluation.encoder.map { ["encoder": $0.identity.recorded] } ?? [:]) { a, _ in a })
        model.threshold = threshold
        let digest = Digests.sha256Hex(try model.encoded()).prefix(12)
        model.info["lists"] = FeatureLists.digest(for: "checkworthiness")
        model.info["version"] = (model.meaningDimensions > 0 ? "checkworthiness-meaning-lr-" : "checkworthiness-lr-") + digest
        try model.encoded().write(to: URL(fileURLWithPath: output), options: .atomic)
        print("trained on \(examples.count) examples; threshold \(String(format: "%.3f", threshold)); wrote \(output) (\(model.version))")
    }
}
