public import CrosscheckKit
internal import Foundation

/// Trains and measures the language models: persuasion techniques (Propaganda Techniques Corpus)
/// and truthfulness from language alone (LIAR), next to TF-IDF + logistic regression peers.
public struct LanguageEvaluation: Sendable {
    public var seed: UInt64
    public var featurizer = TextFeaturizer(dimensions: 1 << 18, wordNgrams: 2, charMin: 3, charMax: 5, cueWeight: 0.5)
    public var training = LogisticRegression.TrainingOptions(epochs: 8, learningRate: 0.05, l2: 1e-5, seed: 1)
    /// LIAR statements do better on words alone: character n-grams cost 2–3 points of accuracy.
    public var truthfulnessFeaturizer = TextFeaturizer(dimensions: 1 << 18, wordNgrams: 2, charMin: 0, charMax: 0, cueWeight: 0.5)

    public init(seed: UInt64 = 1) {
        self.seed = seed
        training.seed = seed
    }

    /// A unit of an article with the techniques whose spans overlap it.
    public struct Unit: Sendable {
        public var article: String
        public var span: TextSpan
        public var text: String
        public var techniques: Set<String>
    }

    public func units(_ articles: [LanguageData.Article]) -> [Unit] {
        articles.flatMap { article -> [Unit] in
            let scalars = Array(article.text.unicodeScalars)
            return LanguageAnalyzer.units(article.text).map { span in
                let techniques = Set(article.spans.filter { $0.start < span.end && span.start < $0.end }.map(\.technique))
                return Unit(article: article.id, span: span, text: scalars.text(span), techniques: techniques)
            }
        }
    }

    /// Seeded 80/20 split of articles.
    public func split(_ articles: [LanguageData.Article]) -> (train: [LanguageData.Article], test: [LanguageData.Article]) {
        var generator = SeededGenerator(seed: seed)
        let shuffled = articles.sorted { $0.id < $1.id }.shuffled(using: &generator)
        let cut = shuffled.count * 4 / 5
        return (Array(shuffled[..<cut]), Array(shuffled[cut...]))
    }

    /// The training articles without, and then only, the seeded tenth that tunes thresholds.
    public func calibrationSplit(_ articles: [LanguageData.Article]) -> (rest: [LanguageData.Article], calibration: [LanguageData.Article]) {
        var generator = SeededGenerator(seed: seed &+ 7)
        let shuffled = articles.sorted { $0.id < $1.id }.shuffled(using: &generator)
        let calibrationCount = max(1, shuffled.count / 10)
        return (Array(shuffled.dropFirst(calibrationCount)), Array(shuffled.prefix(calibrationCount)))
    }

    /// The units a sentence classifier learns "uses some technique" from (those of three words or
    /// more, as the analyser reads them): the training articles but the calibration tenth, that
    /// tenth, and the held-out articles.
    public func sentenceExamples(train: [LanguageData.Article], test: [LanguageData.Article]) -> (
        train: [Unit], calibration: [Unit], heldOut: [Unit]
    ) {
        let (rest, calibration) = calibrationSplit(train)
        func read(_ articles: [LanguageData.Article]) -> [Unit] { units(articles).filter { $0.text.roughWordCount >= 3 } }
        return (read(rest), read(calibration), read(test))
    }

    /// Trains the technique heads ("any" plus one per technique); thresholds tuned for F1 on a
    /// seeded tenth of the training articles, held out from the heads that tune them.
    public func trainTechniques(_ articles: [LanguageData.Article], info: [String: String] = [:]) -> MultiHeadClassifier {
        let split = calibrationSplit(articles)
        let calibration = units(split.calibration)
        let rest = units(split.rest)
        let thresholds = heads(rest).map { head -> Double in
            let scores = calibration.map { Double(head.model.probability(featurizer.vector($0.text))) }
            let labels = calibration.map { head.name == "any" ? !$0.techniques.isEmpty : $0.techniques.contains(head.name) }
            return labels.contains(true) ? BinaryMetrics.bestThreshold(scores: scores, labels: labels).threshold : 0.5
        }
        var final = heads(units(articles))
        for index in final.indices { final[index].threshold = thresholds[index] }
        return MultiHeadClassifier(kind: "techniques", featurizer: featurizer, heads: final, info: info)
    }

    func heads(_ units: [Unit]) -> [MultiHeadClassifier.Head] {
        let vectors = units.map { featurizer.vector($0.text) }
        return (["any"] + LanguageData.techniques).map { name in
            let examples = zip(vectors, units).map { vector, unit in
                (vector: vector, label: name == "any" ? !unit.techniques.isEmpty : unit.techniques.contains(name), weight: Float(1))
            }
            return MultiHeadClassifier.Head(
                name: name, model: LogisticRegression.train(examples, dimensions: featurizer.dimensions, options: training), threshold: 0.5)
        }
    }

    /// Sentence-level and line-level "contains a technique" F1, and span-level technique F1 with
    /// partial-overlap credit, of predicted spans against the articles' gold spans.
    public static func techniqueScores(_ articles: [LanguageData.Article], predict: (String) -> [LanguageSection.Technique])
        -> (sentenceF1: Double, lineF1: Double, spanF1: Double)
    {
        var sentence = (tp: 0.0, fp: 0.0, fn: 0.0)
        var line = (tp: 0.0, fp: 0.0, fn: 0.0)
        var precisionSum = 0.0
        var recallSum = 0.0
        var predictedCount = 0
        var goldCount = 0
        for article in articles {
            let predicted = predict(article.text)
            func count(_ spans: [TextSpan], _ tally: inout (tp: Double, fp: Double, fn: Double)) {
                for span in spans {
                    let p = predicted.contains { $0.start < span.end && span.start < $0.end }
                    let g = article.spans.contains { $0.start < span.end && span.start < $0.end }
                    if p && g { tally.tp += 1 } else if p { tally.fp += 1 } else if g { tally.fn += 1 }
                }
            }
            count(LanguageAnalyzer.units(article.text), &sentence)
            let scalars = Array(article.text.unicodeScalars)
            var lines: [TextSpan] = []
            var start = 0
            for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
                if index > start, scalars[start..<index].contains(where: { !$0.isSpace }) { lines.append(TextSpan(start: start, end: index)) }
                start = index + 1
            }
            count(lines, &line)
            for span in predicted {
                let credit = article.spans.filter { $0.technique == span.technique }.reduce(0.0) { sum, gold in
                    sum + Double(max(0, min(span.end, gold.end) - max(span.start, gold.start))) / Double(max(span.end - span.start, 1))
                }
                precisionSum += min(credit, 1)
            }
            for gold in article.spans {
                let credit = predicted.filter { $0.technique == gold.technique }.reduce(0.0) { sum, span in
                    sum + Double(max(0, min(span.end, gold.end) - max(span.start, gold.start))) / Double(max(gold.end - gold.start, 1))
                }
                recallSum += min(credit, 1)
            }
            predictedCount += predicted.count
            goldCount += article.spans.count
        }
        func f1(_ t: (tp: Double, fp: Double, fn: Double)) -> Double { t.tp == 0 ? 0 : 2 * t.tp / (2 * t.tp + t.fp + t.fn) }
        let precision = predictedCount == 0 ? 0 : precisionSum / Double(predictedCount)
        let recall = goldCount == 0 ? 0 : recallSum / Double(goldCount)
        return (f1(sentence), f1(line), precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }

    /// The TF-IDF + logistic regression peer for techniques: one head per label over TF-IDF of
    /// word 1–2-grams, thresholds at 0.5, the same units as spans.
    public func peerTechniques(_ articles: [LanguageData.Article]) -> @Sendable (String) -> [LanguageSection.Technique] {
        let training = units(articles)
        var vectorizer = TFIDFVectorizer(ngrams: 2, minDocumentFrequency: 2)
        vectorizer.fit(training.map(\.text))
        let frozen = vectorizer
        let vectors = training.map { frozen.vector($0.text) }
        let options = self.training
        let names = ["any"] + LanguageData.techniques
        let models = names.map { name in
            LogisticRegression.train(
                zip(vectors, training).map {
                    (vector: $0, label: name == "any" ? !$1.techniques.isEmpty : $1.techniques.contains(name), weight: Float(1))
                },
                dimensions: frozen.dimensions, options: options)
        }
        return { text in
            let scalars = Array(text.unicodeScalars)
            return LanguageAnalyzer.units(text).compactMap { span -> LanguageSection.Technique? in
                let vector = frozen.vector(scalars.text(span))
                guard models[0].probability(vector) >= 0.5 else { return nil }
                let best = (1..<names.count).max { models[$0].probability(vector) < models[$1].probability(vector) }!
                return LanguageSection.Technique(technique: names[best], start: span.start, end: span.end, text: "", score: 1)
            }
        }
    }

    /// Techniques whose marks cost more span F1 than they bring: over `folds` seeded folds of
    /// `articles` (the heads trained on the other folds, measured on this one), those whose marks'
    /// pooled precision is below half the pooled span F1 — marks of precision p raise F1 only when
    /// p exceeds F1 / 2. Stored in the techniques model (`unmarked`), so the analyser leaves them out.
    public func unmarkedTechniques(_ articles: [LanguageData.Article], folds: Int = 4) -> [String] {
        var generator = SeededGenerator(seed: seed &+ 23)
        let shuffled = articles.sorted { $0.id < $1.id }.shuffled(using: &generator)
        var predicted: [String: [LanguageSection.Technique]] = [:]
        for fold in 0..<folds {
            let held = shuffled.indices.filter { $0 % folds == fold }.map { shuffled[$0] }
            let rest = shuffled.indices.filter { $0 % folds != fold }.map { shuffled[$0] }
            let analyzer = LanguageAnalyzer(techniques: trainTechniques(rest), truthfulness: nil, tokens: trainTokens(rest))
            for article in held { predicted[article.text] = analyzer.techniqueSpans(article.text) }
        }
        let spanF1 = Self.techniqueScores(shuffled) { predicted[$0] ?? [] }.spanF1
        let measured = TechniquePrecision(shuffled) { predicted[$0] ?? [] }
        return measured.techniques.filter { $0.precision(atLeast: 0).precision < spanF1 / 2 }.map(\.name)
    }

    // MARK: Word-level spans

    /// The featurizer of single words (with their neighbours as cues).
    public var tokenFeaturizer = TextFeaturizer(dimensions: 1 << 18, wordNgrams: 1, charMin: 3, charMax: 5, cueWeight: 1)

    /// Trains the word-level heads on the words of sentences that hold any technique; thresholds
    /// are best-F1 on a seeded tenth of the articles held out from the heads that tune them.
    public func trainTokens(_ articles: [LanguageData.Article], info: [String: String] = [:]) -> MultiHeadClassifier {
        func examples(_ articles: [LanguageData.Article]) -> [(vector: SparseVector, labels: [Bool])] {
            var rows: [(vector: SparseVector, labels: [Bool])] = []
            for article in articles {
                let scalars = Array(article.text.unicodeScalars)
                for span in LanguageAnalyzer.units(article.text) {
                    let inside = article.spans.filter { $0.start < span.end && span.start < $0.end }
                    guard !inside.isEmpty else { continue }
                    let words = TokenSpans.words(scalars, in: span)
                    for index in words.indices {
                        let word = words[index].span
                        let labels = TokenSpans.techniques.map { technique in
                            inside.contains { $0.technique == technique && $0.start < word.end && word.start < $0.end }
                        }
                        rows.append((TokenSpans.vector(words, index, featurizer: tokenFeaturizer), labels))
                    }
                }
            }
            return rows
        }
        var generator = SeededGenerator(seed: seed &+ 11)
        let shuffled = articles.sorted { $0.id < $1.id }.shuffled(using: &generator)
        let calibrationCount = max(1, shuffled.count / 10)
        let calibration = examples(Array(shuffled.prefix(calibrationCount)))
        let rest = examples(Array(shuffled.dropFirst(calibrationCount)))
        let all = examples(articles)
        let heads = TokenSpans.techniques.indices.map { headIndex -> MultiHeadClassifier.Head in
            func fit(_ rows: [(vector: SparseVector, labels: [Bool])]) -> LogisticRegression {
                LogisticRegression.train(
                    rows.map { (vector: $0.vector, label: $0.labels[headIndex], weight: Float(1)) },
                    dimensions: tokenFeaturizer.dimensions, options: training)
            }
            let tuning = fit(rest)
            let scores = calibration.map { Double(tuning.probability($0.vector)) }
            let labels = calibration.map { $0.labels[headIndex] }
            let threshold = labels.contains(true) ? BinaryMetrics.bestThreshold(scores: scores, labels: labels).threshold : 0.5
            return MultiHeadClassifier.Head(name: TokenSpans.techniques[headIndex], model: fit(all), threshold: threshold)
        }
        return MultiHeadClassifier(kind: "tokens", featurizer: tokenFeaturizer, heads: heads, info: info)
    }

    // MARK: LIAR

    public func trainTruthfulness(_ statements: [LanguageData.Statement], info: [String: String] = [:]) -> MultiHeadClassifier {
        let featurizer = truthfulnessFeaturizer
        let vectors = statements.map { featurizer.vector($0.text, cues: Self.cues($0)) }
        let heads = LanguageData.ratings.map { rating in
            MultiHeadClassifier.Head(
                name: rating,
                model: LogisticRegression.train(
                    zip(vectors, statements).map { (vector: $0, label: $1.label == rating, weight: Float(1)) },
                    dimensions: featurizer.dimensions, options: training),
                threshold: 0.5)
        }
        return MultiHeadClassifier(kind: "truthfulness", featurizer: featurizer, heads: heads, info: info)
    }

    static func cues(_ statement: LanguageData.Statement) -> [String] {
        statement.subject.split(separator: ",").map { "subject:" + $0.lowercased() }
            + RetrievalTerms.terms(statement.context).prefix(6).map { "context:" + $0 }
    }

    /// Accuracy and macro-F1 over the six ratings.
    public static func ratingScores(_ statements: [LanguageData.Statement], predict: (LanguageData.Statement) -> String) -> (
        accuracy: Double, macroF1: Double
    ) {
        let predictions = statements.map(predict)
        let accuracy = Double(zip(predictions, statements).count { $0 == $1.label }) / Double(max(statements.count, 1))
        let f1s = LanguageData.ratings.map { rating -> Double in
            let tp = Double(zip(predictions, statements).count { $0 == rating && $1.label == rating })
            let fp = Double(zip(predictions, statements).count { $0 == rating && $1.label != rating })
            let fn = Double(zip(predictions, statements).count { $0 != rating && $1.label == rating })
            return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
        }
        return (accuracy, f1s.reduce(0, +) / Double(f1s.count))
    }

    public func peerTruthfulness(_ statements: [LanguageData.Statement]) -> @Sendable (LanguageData.Statement) -> String {
        var vectorizer = TFIDFVectorizer(ngrams: 2, minDocumentFrequency: 2)
        vectorizer.fit(statements.map(\.text))
        let frozen = vectorizer
        let vectors = statements.map { frozen.vector($0.text) }
        let options = training
        let models = LanguageData.ratings.map { rating in
            LogisticRegression.train(
                zip(vectors, statements).map { (vector: $0, label: $1.label == rating, weight: Float(1)) },
                dimensions: frozen.dimensions, options: options)
        }
        return { statement in
            let vector = frozen.vector(statement.text)
            let best = models.indices.max { models[$0].probability(vector) < models[$1].probability(vector) }!
            return LanguageData.ratings[best]
        }
    }
}
