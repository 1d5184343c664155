public import CrosscheckKit
internal import Foundation

/// `crosscheck batch quotes`: `{"id", "text"}` to `{"id", "quotes": [{"start", "end", "speaker", "kind"}]}`,
/// by the attribution tagger when given, by rules otherwise.
public struct QuotesBatchTask: BatchTask {
    let attribution: AttributionTagger?

    public init(attribution: AttributionTagger?) {
        self.attribution = attribution
    }

    public func process(_ object: [String: Any]) throws -> [String: Any] {
        let text = try object.requiredString("text")
        return [
            "quotes": SpeechExtraction.items(in: text, attribution: attribution).map { item -> [String: Any] in
                ["start": item.start, "end": item.end, "speaker": item.speaker ?? NSNull(), "kind": item.kind.rawValue]
            }
        ]
    }
}
