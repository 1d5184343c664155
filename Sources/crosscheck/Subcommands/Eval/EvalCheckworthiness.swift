import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalCheckworthiness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkworthiness",
        abstract: "Check-worthiness: positive-class F1, average precision, and MAP over debates/tweets.",
        discussion: """
            Trains a fresh model on a seeded split of DIR (ClaimBuster, CLEF 2019 debates, CLEF 2020 \
            tweets) and measures it on the held-out part, next to a TF-IDF + logistic regression peer \
            trained on the same split. With --model, measures that model file instead of training one \
            (its figures are only honest if it was not trained on the held-out part).
            """
    )

    @Option(help: "The check-worthiness data folder (shared/data/checkworthiness or one of its folders).")
    var data: String

    @Option(help: "Measure this model file instead of training on the split.")
    var model: String?

    @Option(
        help:
            "Measure this fine-tuned sentence classifier (a folder written by scripts/train-classifier/train.py from this split's train part), its threshold set on the calibration part."
    )
    var fineTuned: String?

    @Option(
        help: "Write the split's three parts (train, calibration, held-out) as JSON Lines into this folder and stop, for a trainer outside Swift.")
    var exportSplit: String?

    @Flag(help: "Skip the TF-IDF + logistic regression peer.")
    var noPeer = false

    @OptionGroup var hyper: CheckworthinessTrainingOptions

    func run() throws {
        let examples = try CheckworthinessData.load(directory: data)
        let evaluation = try hyper.evaluation
        let split = evaluation.split(examples)
        print(
            "data: \(examples.count) examples; train \(split.train.count), threshold calibration \(split.calibration.count), held out \(split.heldOut.count) (seed \(hyper.seed))"
        )
        if let exportSplit {
            try Self.write(split, to: URL(fileURLWithPath: exportSplit))
            print("wrote train.jsonl, calibration.jsonl and heldout.jsonl to \(exportSplit)")
            return
        }
        let clock = ContinuousClock()
        let start = clock.now
        let ours: CheckworthinessModel
        if let fineTuned {
            guard let encoder = try SharedEngine.engine().encoder() else {
                throw ValidationError("--fine-tuned needs the sentence encoder, which is not installed")
            }
            var model = try CheckworthinessModel.bundled(encoder: nil)
            model.fineTuned = try SentenceClassifier(directory: URL(fileURLWithPath: fineTuned), encoder: encoder)
            let scores = model.scores(split.calibration.map(\.text))
            model.threshold = BinaryMetrics.bestThreshold(scores: scores, labels: split.calibration.map(\.label)).threshold
            print(
                "fine-tuned \(model.version); its own threshold \(model.fineTuned?.threshold.map { String($0) } ?? "none"), on this calibration part \(model.threshold)"
            )
            ours = model
        } else if let model {
            var loaded = try CheckworthinessModel.load(from: Data(contentsOf: URL(fileURLWithPath: model)))
            if loaded.meaningDimensions > 0 { loaded.encoder = try SharedEngine.engine().encoder() }
            ours = loaded
        } else {
            ours = evaluation.train(split.train, calibration: split.calibration)
        }
        let trained = clock.now - start
        let oursScores = evaluation.measure(split.heldOut, model: ours)
        var rows: [(String, Double, Double?)] = []
        var peerScores: CheckworthinessEvaluation.Scores?
        if !noPeer {
            let peer = evaluation.peer(split)
            peerScores = evaluation.measure(split.heldOut, threshold: peer.threshold, score: peer.score)
        }
        func add(_ name: String, _ path: KeyPath<CheckworthinessEvaluation.Scores, Double>) {
            rows.append((name, oursScores[keyPath: path], peerScores?[keyPath: path]))
        }
        add("ClaimBuster dev slice F1", \.claimbusterF1)
        add("ClaimBuster dev slice AP", \.claimbusterAP)
        add("ClaimBuster 2020 debate F1", \.debate2020F1)
        add("ClaimBuster 2020 debate AP", \.debate2020AP)
        add("CLEF 2019 held-out debates MAP", \.clef2019MAP)
        add("CLEF 2020 held-out tweets MAP", \.clef2020MAP)
        print("held out: " + oursScores.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("threshold \(String(format: "%.3f", ours.threshold)); training took \(trained)")
        print("metric".padding(toLength: 34, withPad: " ", startingAt: 0) + "crosscheck   TF-IDF+LR peer")
        for (name, value, peer) in rows {
            let peerText = peer.map { String(format: "%.3f", $0) } ?? "-"
            print(name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%.3f", value) + "        " + peerText)
        }
    }

    /// Writes each part of `split` as `{"id", "text", "label", "source", "group"}` lines.
    static func write(_ split: CheckworthinessEvaluation.Split, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, part) in [("train", split.train), ("calibration", split.calibration), ("heldout", split.heldOut)] {
            var lines = Data()
            for example in part {
                let line: [String: Any] = [
                    "id": example.id, "text": example.text, "label": example.label, "source": example.source.rawValue, "group": example.group,
                ]
                lines.append(try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]))
                lines.append(0x0A)
            }
            try lines.write(to: folder.appendingPathComponent(name + ".jsonl"), options: .atomic)
        }
    }
}
