public import CrosscheckKit

/// `crosscheck batch checkworthiness`: `{"id", "text"}` to `{"id", "score", "checkworthy"}`.
public struct CheckworthinessBatchTask: TypedBatchTask {
    public var model: CheckworthinessModel

    public init(model: CheckworthinessModel) {
        self.model = model
    }

    public struct Input: BatchInput {
        public var text: String
    }

    public struct Output: Encodable {
        public var score: Double
        public var checkworthy: Bool
    }

    public func answer(_ input: Input) -> Output {
        let score = model.score(input.text)
        return Output(score: score.rounded(toPlaces: 6), checkworthy: score >= model.threshold)
    }
}
