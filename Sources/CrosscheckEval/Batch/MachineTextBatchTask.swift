public import CrosscheckKit

/// `crosscheck batch machine-text`: `{"id", "text"}` to `{"id", "score", "machine"}`.
public struct MachineTextBatchTask: TypedBatchTask {
    public var classifier: TextClassifier

    public init(classifier: TextClassifier) {
        self.classifier = classifier
    }

    public struct Input: BatchInput {
        public var text: String
    }

    public struct Output: Encodable {
        public var score: Double
        public var machine: Bool
    }

    public func answer(_ input: Input) -> Output {
        let score = classifier.score(input.text)
        return Output(score: score.rounded(toPlaces: 6), machine: score >= classifier.threshold)
    }
}
