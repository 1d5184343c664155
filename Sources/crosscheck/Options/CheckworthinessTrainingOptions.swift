import ArgumentParser
import CrosscheckEval
import CrosscheckKit

/// Hyperparameters of the check-worthiness model, shared by `train` and `eval`.
struct CheckworthinessTrainingOptions: ParsableArguments {
    @Option(help: "Seed for splits and shuffling.")
    var seed: UInt64 = 1

    @Option(help: "Feature slots as a power of two.")
    var hashBits: Int = 20

    @Option(help: "Longest word n-gram.")
    var wordNgrams: Int = 2

    @Option(help: "Longest character n-gram (0 turns character n-grams off).")
    var charMax: Int = 5

    @Option(help: "Weight of the cue features.")
    var cueWeight: Float = 0.5

    @Option(help: "Training epochs.")
    var epochs: Int = 12

    @Option(help: "L2 penalty.")
    var l2: Float = 1e-5

    @Option(help: "AdaGrad learning rate.")
    var learningRate: Float = 0.05

    @Option(
        help:
            "Weight of CLEF 2019 debate sentences in training (0 leaves them out: their labels mark only the claims fact-checkers picked, and training on them lowered every held-out score)."
    )
    var clef2019Weight: Float = 0

    @Option(help: "Weight of CLEF 2020 tweets in training.")
    var clef2020Weight: Float = 1

    @Flag(inversion: .prefixedNo, help: "Use the claim rules' findings (types, entities, quantities, sourcing) as features.")
    var ruleCues = false

    @Flag(help: "Add the sentence encoder's embedding to the features (the shipped checkworthiness-meaning.model).")
    var meaning = false

    var evaluation: CheckworthinessEvaluation {
        get throws { try makeEvaluation() }
    }

    func makeEvaluation() throws -> CheckworthinessEvaluation {
        let encoder = meaning ? try SharedEngine.engine().requiredEncoder(for: "--meaning") : nil
        return CheckworthinessEvaluation(
            seed: seed,
            featurizer: TextFeaturizer(
                dimensions: 1 << hashBits, wordNgrams: wordNgrams, charMin: charMax > 0 ? 3 : 0, charMax: charMax,
                cueWeight: cueWeight),
            training: .init(epochs: epochs, learningRate: learningRate, l2: l2, seed: seed),
            sourceWeights: [.claimbuster: 1, .clef2019: clef2019Weight, .clef2020: clef2020Weight], ruleCues: ruleCues,
            encoder: encoder)
    }
}
