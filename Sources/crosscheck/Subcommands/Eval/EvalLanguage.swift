import ArgumentParser
import CrosscheckEval
import CrosscheckKit
import Foundation

struct EvalLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Persuasion techniques (propaganda data: seeded 80/20 article split) or truthfulness (LIAR: train → valid).",
        discussion: """
            With --data pointing at shared/data/propaganda: sentence-level and line-level "contains a \
            technique" F1 and span-level technique F1 with partial-overlap credit, on the held-out 20% \
            of the articles. With shared/data/liar: 6-way accuracy and macro-F1 on valid. Both next to a \
            TF-IDF + logistic regression peer trained on the same data.
            """
    )

    @Option(help: "shared/data/propaganda or shared/data/liar.")
    var data: String

    @Option(help: "Seed for the split and training.")
    var seed: UInt64 = 1

    @Option(help: "Training epochs.")
    var epochs: Int?

    @Option(help: "Learning rate.")
    var learningRate: Float?

    @Option(help: "Longest character n-gram of the technique model (0: none).")
    var charMax: Int?

    @Option(help: "Longest word n-gram.")
    var wordNgrams: Int?

    @Option(help: "Precision a technique's marks need on the held-out articles to be drawn in the text.")
    var displayPrecision: Double = 0.6

    @Option(help: "Seeded splits pooled to choose the display thresholds (seed, seed+1, …): one split is too few spans.")
    var displaySplits: Int = 5

    @Option(
        help:
            "Write the ids of the split's training and held-out articles (train-ids.txt, test-ids.txt) and their sentences labelled 'uses a technique' (train.jsonl, calibration.jsonl, heldout.jsonl) into this folder and stop, for a trainer outside Swift."
    )
    var exportSplit: String?

    @Option(
        help:
            "Measure this technique tagger (a folder written by scripts/train-techniques/train.py from this split's training articles) in place of the word heads; display thresholds then come from this split alone."
    )
    var tagger: String?

    @Option(
        help:
            "Measure this sentence classifier (a folder written by scripts/train-classifier/train.py --task techniques from this split's sentences) as the judge of which sentences use a technique, in place of the any-technique head; display thresholds then come from this split alone."
    )
    var fineTuned: String?

    @Option(help: "At most this many techniques marked per sentence (default: the analyser's).")
    var perUnit: Int?

    @Flag(help: "Do not mark the likeliest technique in a sentence where no technique clears its own threshold.")
    var noLikeliest = false

    @Flag(help: "With the gate, do not mark the whole sentence with its likeliest technique when no word head marks a word in it.")
    var noSentenceFallback = false

    @Option(help: "Threshold of the any-technique head, in place of the trained one.")
    var anyThreshold: Double?

    @Option(
        help:
            "A technique never to mark (repeat for several; names as the data spells them), in place of those chosen on folds of the training articles."
    )
    var unmarked: [String] = []

    @Flag(help: "Mark every technique (choose none to leave out).")
    var markAll = false

    /// The analyser's span choices as these options set them.
    func configured(_ analyzer: LanguageAnalyzer) -> LanguageAnalyzer {
        var analyzer = analyzer
        if let perUnit { analyzer.techniquesPerUnit = perUnit }
        if noLikeliest { analyzer.markLikeliestWhenNoneClears = false }
        if noSentenceFallback { analyzer.markSentenceWhenNoWordIs = false }
        if !unmarked.isEmpty { analyzer.unmarked = Set(unmarked) }
        if markAll { analyzer.unmarked = [] }
        if let anyThreshold, let any = analyzer.techniques?.heads.firstIndex(where: { $0.name == "any" }) {
            analyzer.techniques?.heads[any].threshold = anyThreshold
        }
        return analyzer
    }

    /// `model` with the techniques to leave unmarked chosen on `train`, unless these options name them.
    func choosingUnmarked(_ model: MultiHeadClassifier, _ evaluation: LanguageEvaluation, _ train: [LanguageData.Article]) -> MultiHeadClassifier {
        guard !markAll, unmarked.isEmpty else { return model }
        var model = model
        model.info["unmarked"] = evaluation.unmarkedTechniques(train).joined(separator: "|")
        return model
    }

    func run() throws {
        var evaluation = LanguageEvaluation(seed: seed)
        if let charMax {
            evaluation.featurizer.charMax = charMax
            if charMax == 0 { evaluation.featurizer.charMin = 0 }
        }
        if let wordNgrams { evaluation.featurizer.wordNgrams = wordNgrams }
        if let epochs { evaluation.training.epochs = epochs }
        if let learningRate { evaluation.training.learningRate = learningRate }
        if FileManager.default.fileExists(atPath: data + "/articles.jsonl") {
            let articles = try LanguageData.propaganda(directory: data)
            let (train, test) = evaluation.split(articles)
            if let exportSplit {
                let folder = URL(fileURLWithPath: exportSplit)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try (train.map(\.id).joined(separator: "\n") + "\n").write(
                    to: folder.appendingPathComponent("train-ids.txt"), atomically: true, encoding: .utf8)
                try (test.map(\.id).joined(separator: "\n") + "\n").write(
                    to: folder.appendingPathComponent("test-ids.txt"), atomically: true, encoding: .utf8)
                let examples = evaluation.sentenceExamples(train: train, test: test)
                for (name, part) in [("train", examples.train), ("calibration", examples.calibration), ("heldout", examples.heldOut)] {
                    var lines = Data()
                    for unit in part {
                        let line: [String: Any] = [
                            "text": unit.text, "label": !unit.techniques.isEmpty, "source": "propaganda", "group": unit.article,
                        ]
                        lines.append(try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]))
                        lines.append(0x0A)
                    }
                    try lines.write(to: folder.appendingPathComponent(name + ".jsonl"), options: .atomic)
                }
                print(
                    "wrote train-ids.txt (\(train.count)) and test-ids.txt (\(test.count)), and the sentences of each part (train.jsonl \(examples.train.count), calibration.jsonl \(examples.calibration.count), heldout.jsonl \(examples.heldOut.count)) to \(exportSplit)"
                )
                return
            }
            let model = choosingUnmarked(evaluation.trainTechniques(train), evaluation, train)
            if !markAll, unmarked.isEmpty {
                print("left unmarked (chosen on 4 folds of the training articles): \(model.info["unmarked"] ?? "")")
            }
            let sentenceOnly = LanguageAnalyzer(techniques: model, truthfulness: nil)
            var analyzer = configured(LanguageAnalyzer(techniques: model, truthfulness: nil, tokens: evaluation.trainTokens(train)))
            if let tagger {
                guard let encoder = try SharedEngine.engine().encoder() else {
                    throw ValidationError("--tagger needs the sentence encoder, which is not installed")
                }
                analyzer.tagger = try TechniqueTagger(tagger: WordTagger(directory: URL(fileURLWithPath: tagger), encoder: encoder))
                print("technique tagger \(analyzer.tagger?.identity.version ?? "")")
            }
            if let fineTuned {
                guard let encoder = try SharedEngine.engine().encoder() else {
                    throw ValidationError("--fine-tuned needs the sentence encoder, which is not installed")
                }
                analyzer.gate = try TechniqueGate(classifier: SentenceClassifier(directory: URL(fileURLWithPath: fineTuned), encoder: encoder))
                if let anyThreshold { analyzer.gate?.threshold = anyThreshold }
                print("technique gate \(analyzer.gate?.classifier.identity.version ?? ""), threshold \(analyzer.gate?.threshold ?? 0)")
            }
            let ours = LanguageEvaluation.techniqueScores(test) { analyzer.techniqueSpans($0) }
            let sentences = LanguageEvaluation.techniqueScores(test) { sentenceOnly.techniqueSpans($0) }
            print("span-level technique F1 with sentence spans only: \(String(format: "%.3f", sentences.spanF1))")
            let peer = LanguageEvaluation.techniqueScores(test, predict: evaluation.peerTechniques(train))
            print(
                "articles: train \(train.count), held out \(test.count) (seed \(seed)); threshold for any technique \(String(format: "%.3f", analyzer.gate?.threshold ?? analyzer.techniques?.heads[0].threshold ?? model.heads[0].threshold))"
            )
            print("metric".padding(toLength: 34, withPad: " ", startingAt: 0) + "crosscheck   TF-IDF+LR peer")
            print(
                "sentence-level F1".padding(toLength: 34, withPad: " ", startingAt: 0)
                    + String(format: "%.3f        %.3f", ours.sentenceF1, peer.sentenceF1))
            print("line-level F1".padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%.3f        %.3f", ours.lineF1, peer.lineF1))
            print(
                "span-level technique F1".padding(toLength: 34, withPad: " ", startingAt: 0)
                    + String(format: "%.3f        %.3f", ours.spanF1, peer.spanF1))
            var measured = TechniquePrecision(test) { analyzer.techniqueSpans($0) }
            // A tagger was trained on one split: the other splits' held-out articles are its training ones.
            let oneSplit = tagger != nil || fineTuned != nil
            for offset in 1..<max(oneSplit ? 1 : displaySplits, 1) {
                var other = evaluation
                other.seed = seed &+ UInt64(offset)
                let (train, test) = other.split(articles)
                let techniques = choosingUnmarked(other.trainTechniques(train), other, train)
                let analyzer = configured(LanguageAnalyzer(techniques: techniques, truthfulness: nil, tokens: other.trainTokens(train)))
                measured.add(TechniquePrecision(test) { analyzer.techniqueSpans($0) })
            }
            printDisplayThresholds(measured, shipped: analyzer.displayThresholds, splits: oneSplit ? 1 : displaySplits)
        } else {
            try evalTruthfulness(evaluation)
        }
    }

    /// Per technique: its spans' precision on the held-out articles, the lowest score at which its
    /// marks reach --display-precision (at least 10 of them), and the shipped display threshold.
    func printDisplayThresholds(_ measured: TechniquePrecision, shipped thresholds: [String: Double], splits: Int) {
        let grid = stride(from: 0.0, through: 0.95, by: 0.05).map { $0 }
        print(
            "display thresholds (marks drawn in the text need precision ≥ \(displayPrecision) on the held-out articles of \(max(splits, 1)) seeded split(s), pooled):"
        )
        print("technique".padding(toLength: 44, withPad: " ", startingAt: 0) + "spans  precision  chosen  precision  shown   shipped")
        for technique in measured.techniques {
            let all = technique.precision(atLeast: 0)
            let chosen = technique.displayThreshold(target: displayPrecision, minimumSpans: 10, grid: grid)
            let at = chosen.map { technique.precision(atLeast: $0) }
            let shipped = thresholds[technique.name].map { String(format: "%.2f", $0) } ?? "never"
            print(
                technique.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                    + String(format: "%5d  %.3f      ", all.count, all.precision)
                    + (chosen.map { String(format: "%.2f    ", $0) } ?? "never   ")
                    + (at.map { String(format: "%.3f      %5d", $0.precision, $0.count) } ?? "  -            -")
                    + "   " + shipped)
        }
    }

    func evalTruthfulness(_ evaluation: LanguageEvaluation) throws {
        let train = try LanguageData.liar(directory: data, split: "train")
        let valid = try LanguageData.liar(directory: data, split: "valid")
        let model = evaluation.trainTruthfulness(train)
        let analyzer = LanguageAnalyzer(techniques: nil, truthfulness: model)
        let ours = LanguageEvaluation.ratingScores(valid) {
            analyzer.truthfulnessEstimate($0.text, subject: $0.subject, context: $0.context)?.label ?? "half-true"
        }
        let textOnly = LanguageEvaluation.ratingScores(valid) { analyzer.truthfulnessEstimate($0.text)?.label ?? "half-true" }
        let peer = LanguageEvaluation.ratingScores(valid, predict: evaluation.peerTruthfulness(train))
        let majority = Double(valid.count { $0.label == "half-true" }) / Double(valid.count)
        print("LIAR: train \(train.count), valid \(valid.count); majority class (half-true) \(String(format: "%.3f", majority))")
        print("metric".padding(toLength: 34, withPad: " ", startingAt: 0) + "crosscheck   text only    TF-IDF+LR peer")
        print(
            "6-way accuracy".padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "%.3f        %.3f        %.3f", ours.accuracy, textOnly.accuracy, peer.accuracy))
        print(
            "macro-F1".padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "%.3f        %.3f        %.3f", ours.macroF1, textOnly.macroF1, peer.macroF1))
    }
}
