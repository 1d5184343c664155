import ArgumentParser
import CrosscheckEval
import CrosscheckKit

/// Optional overrides of a text classifier's hyperparameters (for tuning with eval).
struct ClassifierOptions: ParsableArguments {
    @Option(help: "Feature slots as a power of two.") var hashBits: Int?
    @Option(help: "Longest word n-gram.") var wordNgrams: Int?
    @Option(help: "Shortest character n-gram.") var charMin: Int?
    @Option(help: "Longest character n-gram.") var charMax: Int?
    @Option(help: "Weight of the cue features.") var cueWeight: Float?
    @Option(help: "Training epochs.") var epochs: Int?
    @Option(help: "AdaGrad learning rate.") var learningRate: Float?
    @Option(help: "L2 penalty.") var l2: Float?
    @Option(help: "Character n-grams over the raw text (true) or inside words (false).") var rawCharacters: Bool?
    @Option(help: "With raw characters, keep the n-grams inside words too.") var bothCharacterViews: Bool?
    @Flag(help: "Add the sentence encoder's embedding to the features.") var meaning = false

    func apply(to evaluation: TextClassifierEvaluation) throws -> TextClassifierEvaluation {
        var result = evaluation
        if meaning { result = result.withMeaning(try SharedEngine.engine().requiredEncoder(for: "--meaning")) }
        if let hashBits { result.featurizer.dimensions = 1 << hashBits }
        if let wordNgrams { result.featurizer.wordNgrams = wordNgrams }
        if let charMin { result.featurizer.charMin = charMin }
        if let charMax { result.featurizer.charMax = charMax }
        if let cueWeight { result.featurizer.cueWeight = cueWeight }
        if let epochs { result.training.epochs = epochs }
        if let learningRate { result.training.learningRate = learningRate }
        if let l2 { result.training.l2 = l2 }
        if let rawCharacters { result.featurizer.rawCharacters = rawCharacters }
        if let bothCharacterViews { result.featurizer.bothCharacterViews = bothCharacterViews }
        return result
    }
}
