public import CrosscheckKit

/// `crosscheck batch checkworthiness`: `{"id", "text"}` to `{"id", "score", "checkworthy"}`.
public struct CheckworthinessBatchTask: BatchTask {
    public var model: CheckworthinessModel

    public init(model: CheckworthinessModel) {
        self.model = model
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        let score = model.score(text)
        return ["score": score.rounded(toPlaces: 6), "checkworthy": score >= model.threshold]
    }
}
