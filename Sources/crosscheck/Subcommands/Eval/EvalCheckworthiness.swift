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
            "Measure this fine-tuned sentence classifier (a folder written by scripts/train-classifier/train.py from this split's train part), its threshold set on the calibration part; given more than once, the mean of their probabilities."
    )
    var fineTuned: [String] = []

    @Flag(
        help:
            "With one --fine-tuned: write the Platt scaling fitted on this split's calibration part into the classifier's manifest.json, so reports give calibrated probabilities."
    )
    var writeCalibration = false

    @Option(
        help:
            "With --fine-tuned: also measure blends of its probability with a word model trained on this split, at these weights of the word model (0–1)."
    )
    var blendWords: [Double] = []

    @Option(
        help: "Write the split's three parts (train, calibration, held-out) as JSON Lines into this folder and stop, for a trainer outside Swift.")
    var exportSplit: String?

    @Flag(help: "Skip the TF-IDF + logistic regression peer.")
    var noPeer = false

    @OptionGroup var hyper: CheckworthinessTrainingOptions

    func validate() throws {
        if writeCalibration, fineTuned.count != 1 {
            throw ValidationError("--write-calibration needs one --fine-tuned DIR: it writes into that classifier's manifest.json")
        }
        if !blendWords.isEmpty, fineTuned.isEmpty {
            throw ValidationError("--blend-words needs --fine-tuned DIR: it blends that classifier with a word model")
        }
        if let weight = blendWords.first(where: { !(0...1).contains($0) }) {
            throw ValidationError("--blend-words \(weight) is not a weight: give a number from 0 to 1")
        }
    }

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
        // The fine-tuned classifier's held-out scores, by text: read once, used by every measure below.
        var heldOutScores: [String: Double]?
        if !fineTuned.isEmpty {
            guard let encoder = try SharedEngine.engine().encoder() else {
                throw ValidationError("--fine-tuned needs the sentence encoder, which is not installed")
            }
            let members = try fineTuned.map { try SentenceClassifier(directory: URL(fileURLWithPath: $0), encoder: encoder) }
            // The mean of the members' probabilities of check-worthy.
            func meanScores(_ texts: [String]) -> [Double] {
                let each = members.map { $0.probabilities(of: CheckworthinessModel.checkworthyLabel, texts) }
                return texts.indices.map { index in each.reduce(0) { $0 + $1[index] } / Double(members.count) }
            }
            var model = try CheckworthinessModel.bundled(encoder: nil)
            model.fineTuned = members[0]
            let scores = meanScores(split.calibration.map(\.text))
            model.threshold = BinaryMetrics.bestThreshold(scores: scores, labels: split.calibration.map(\.label)).threshold
            print(
                "fine-tuned \(members.map(\.identity.version).joined(separator: " + ")); own threshold \(members.map { $0.threshold.map { String($0) } ?? "none" }.joined(separator: ", ")), on this calibration part \(model.threshold)"
            )
            ours = model
            let texts = split.heldOut.map(\.text)
            let scored = Dictionary(zip(texts, meanScores(texts)), uniquingKeysWith: { a, _ in a })
            heldOutScores = scored
            try calibrate(model, split, calibrationScores: scores, heldOutScores: scored, classifier: URL(fileURLWithPath: fineTuned[0]))
            if !blendWords.isEmpty { measureBlends(calibrationScores: scores, heldOutScores: scored, evaluation: evaluation, split: split) }
        } else if let model {
            var loaded = try CheckworthinessModel.load(from: Data(contentsOf: URL(fileURLWithPath: model)))
            if loaded.meaningDimensions > 0 { loaded.encoder = try SharedEngine.engine().encoder() }
            ours = loaded
        } else {
            ours = evaluation.train(split.train, calibration: split.calibration)
        }
        let trained = clock.now - start
        let oursScores =
            heldOutScores.map { scored in evaluation.measure(split.heldOut, threshold: ours.threshold) { scored[$0] ?? ours.score($0) } }
            ?? evaluation.measure(split.heldOut, model: ours)
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

    /// Prints the held-out figures of the fine-tuned classifier's probability blended with a word
    /// model trained on the split's train part, the threshold of each blend set on the calibration part.
    func measureBlends(
        calibrationScores: [Double], heldOutScores fine: [String: Double], evaluation: CheckworthinessEvaluation,
        split: CheckworthinessEvaluation.Split
    ) {
        let words = evaluation.train(split.train, calibration: split.calibration)
        let wordCalibration = words.scores(split.calibration.map(\.text))
        let texts = split.heldOut.map(\.text)
        let word = Dictionary(zip(texts, words.scores(texts)), uniquingKeysWith: { a, _ in a })
        for weight in blendWords {
            let blended = zip(calibrationScores, wordCalibration).map { (1 - weight) * $0 + weight * $1 }
            let threshold = BinaryMetrics.bestThreshold(scores: blended, labels: split.calibration.map(\.label)).threshold
            let scores = evaluation.measure(split.heldOut, threshold: threshold) { (1 - weight) * (fine[$0] ?? 0) + weight * (word[$0] ?? 0) }
            print(
                String(
                    format:
                        "blend with words at %.2f: ClaimBuster dev slice F1 %.3f, AP %.3f; 2020 debate F1 %.3f, AP %.3f; CLEF 2019 MAP %.3f; CLEF 2020 MAP %.3f",
                    weight, scores.claimbusterF1, scores.claimbusterAP, scores.debate2020F1, scores.debate2020AP, scores.clef2019MAP,
                    scores.clef2020MAP))
        }
    }

    /// Fits Platt scaling of the fine-tuned classifier on the calibration part, prints the held-out
    /// part's reliability before and after and what the display cut at 50 % keeps, and writes the
    /// fit into the classifier's manifest with --write-calibration.
    func calibrate(
        _ model: CheckworthinessModel, _ split: CheckworthinessEvaluation.Split, calibrationScores: [Double], heldOutScores: [String: Double],
        classifier directory: URL
    ) throws {
        let fitted = PlattScaling.fit(
            scores: calibrationScores, labels: split.calibration.map(\.label),
            fittedOn: "calibration part of eval checkworthiness split seed \(hyper.seed) (\(split.calibration.count) sentences)")
        let heldOut = split.heldOut.filter { $0.source == .claimbuster }
        let raw = heldOut.map { heldOutScores[$0.text] ?? model.score($0.text) }
        let labels = heldOut.map(\.label)
        let calibrated = raw.map(fitted.probability)
        print(String(format: "Platt scaling on the calibration part: slope %.4f, intercept %.4f", fitted.slope, fitted.intercept))
        for (name, values) in [("raw", raw), ("calibrated", calibrated)] {
            let reliability = Calibration(confidences: values, correct: labels)
            print(
                "ClaimBuster dev slice, \(name) probability of check-worthy: expected calibration error \(String(format: "%.3f", reliability.expectedError))"
            )
            reliability.lines.forEach { print($0.replacingOccurrences(of: "accuracy", with: "share check-worthy")) }
        }
        let shown = BinaryMetrics.f1(scores: calibrated, labels: labels, threshold: ClaimCut.minimumProbability)
        print(
            String(
                format: "display cut at calibrated %.2f: %d of %d shown, precision %.3f, recall %.3f (threshold %.3f: %d flagged)",
                ClaimCut.minimumProbability, calibrated.count { $0 >= ClaimCut.minimumProbability }, heldOut.count, shown.precision, shown.recall,
                model.threshold, raw.count { $0 >= model.threshold }))
        guard writeCalibration else { return }
        let url = directory.appendingPathComponent("manifest.json")
        guard var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw ValidationError("\(url.path) is not a JSON object; restore it from the repository")
        }
        manifest["calibration"] = ["slope": fitted.slope, "intercept": fitted.intercept, "fittedOn": fitted.fittedOn ?? ""]
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        // Foundation writes `"key" : value`; the trainers (Python's json) write `"key": value`.
        let keys = try NSRegularExpression(pattern: #"(?m)^(\s*"(?:[^"\\]|\\.)*") : "#)
        let text = String(decoding: data, as: UTF8.self)
        let tidy = keys.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1: ")
        try Data((tidy + "\n").utf8).write(to: url, options: .atomic)
        print("wrote the calibration into \(url.path)")
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
