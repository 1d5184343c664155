public import CrosscheckKit
internal import Foundation

/// `crosscheck batch quotes`: `{"id", "text"}` to `{"id", "quotes": [{"start", "end", "speaker", "kind"}]}`.
public struct QuotesBatchTask: BatchTask {
    public init() {}

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        return [
            "quotes": SpeechExtraction.items(in: text).map { item -> [String: Any] in
                ["start": item.start, "end": item.end, "speaker": item.speaker ?? NSNull(), "kind": item.kind.rawValue]
            }
        ]
    }
}
