public import Foundation

/// Scores how worth checking a sentence is, in 0...1, with a calibrated yes/no threshold.
///
/// A logistic regression over word n-grams, character n-grams and cues (numbers, comparisons,
/// reported speech, first-person opinion), trained on ClaimBuster and the CLEF CheckThat!
/// check-worthiness sets. `Models/README.md` records how the shipped file was made.
public struct CheckworthinessModel: Sendable {
    public var featurizer: TextFeaturizer
    public var classifier: LogisticRegression
    /// Scores at or above this are check-worthy.
    public var threshold: Double
    /// Free-form facts about training (data, seed, date), written into the model file.
    public var info: [String: String]
    /// Whether the claim rules' findings (types, entities, quantities, sourcing) are features too.
    public var ruleCues: Bool

    public init(
        featurizer: TextFeaturizer, classifier: LogisticRegression, threshold: Double, info: [String: String] = [:],
        ruleCues: Bool = false
    ) {
        self.featurizer = featurizer
        self.classifier = classifier
        self.threshold = threshold
        self.info = info
        self.ruleCues = ruleCues
    }

    /// The feature vector the model scores.
    public static func vector(_ text: String, featurizer: TextFeaturizer, ruleCues: Bool) -> SparseVector {
        featurizer.vector(text, cues: ruleCues ? ClaimCues.cues(text) : [])
    }

    /// The check-worthiness of `text` in 0...1.
    public func score(_ text: String) -> Double {
        Double(classifier.probability(Self.vector(text, featurizer: featurizer, ruleCues: ruleCues)))
    }

    /// Whether `text` is check-worthy.
    public func isCheckworthy(_ text: String) -> Bool { score(text) >= threshold }

    /// The model version written in reports: kind, and a digest of the weights.
    public var version: String { info["version"] ?? "unversioned" }
}

extension CheckworthinessModel {
    /// Where the shipped model file is.
    public static var bundledURL: URL? {
        Bundle.module.url(forResource: "checkworthiness", withExtension: "model", subdirectory: "Resources/Models")
            ?? Bundle.module.url(forResource: "Resources/Models/checkworthiness", withExtension: "model")
    }

    /// The model file shipped with the engine.
    public static func bundled() throws -> CheckworthinessModel {
        guard let url = bundledURL else {
            throw CrosscheckError(
                .modelMissing,
                "the check-worthiness model is missing from the build; rebuild, or run crosscheck train checkworthiness")
        }
        return try load(from: Data(contentsOf: url))
    }

    /// Reads a model written by ``encoded()``.
    public static func load(from data: Data) throws -> CheckworthinessModel {
        let file = try ModelFile(decoding: data, kind: "checkworthiness")
        guard let featurizer = TextFeaturizer(headerValue: file.header["featurizer"]) else {
            throw CrosscheckError(.modelMissing, "the check-worthiness model file is damaged; rebuild it with crosscheck train checkworthiness")
        }
        guard let threshold = Double(file.header["threshold", default: ""]), let bias = Float(file.header["bias", default: ""]),
            file.weights.count == featurizer.dimensions
        else {
            throw CrosscheckError(.modelMissing, "the check-worthiness model file is damaged; rebuild it with crosscheck train checkworthiness")
        }
        var info = file.header
        info.removeValue(forKey: "featurizer")
        return CheckworthinessModel(
            featurizer: featurizer, classifier: LogisticRegression(weights: file.weights, bias: bias), threshold: threshold,
            info: info, ruleCues: file.header["ruleCues"] == "true")
    }

    /// The model as file bytes.
    public func encoded() throws -> Data {
        var header = info
        header["featurizer"] = featurizer.headerValue
        header["threshold"] = String(threshold)
        header["bias"] = String(classifier.bias)
        header["ruleCues"] = ruleCues ? "true" : "false"
        return ModelFile(kind: "checkworthiness", header: header, weights: classifier.weights).encoded()
    }
}
