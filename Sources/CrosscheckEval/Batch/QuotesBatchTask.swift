public import CrosscheckKit

/// `crosscheck batch quotes`: `{"id", "text"}` to `{"id", "quotes": [{"start", "end", "speaker", "kind"}]}`,
/// by the attribution tagger when given, by rules otherwise.
public struct QuotesBatchTask: TypedBatchTask {
    let attribution: AttributionTagger?

    public init(attribution: AttributionTagger?) {
        self.attribution = attribution
    }

    public struct Input: BatchInput {
        public var text: String
    }

    public struct Output: Encodable {
        public struct Quote: Encodable {
            public var start: Int
            public var end: Int
            /// Written as `null` when no speaker was found (EVAL.md's shape has the key always).
            public var speaker: String?
            public var kind: String

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(start, forKey: .start)
                try container.encode(end, forKey: .end)
                try container.encode(speaker, forKey: .speaker)
                try container.encode(kind, forKey: .kind)
            }

            enum CodingKeys: String, CodingKey { case start, end, speaker, kind }
        }

        public var quotes: [Quote]
    }

    public func answer(_ input: Input) -> Output {
        Output(
            quotes: SpeechExtraction.items(in: input.text, attribution: attribution).map { item in
                Output.Quote(start: item.start, end: item.end, speaker: item.speaker, kind: item.kind.rawValue)
            })
    }
}
