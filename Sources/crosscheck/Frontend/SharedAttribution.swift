import CrosscheckKit

/// The attribution tagger for this process, on the shared sentence encoder; `nil` (the rules
/// find quotations) when the encoder or the tagger's files are absent.
enum SharedAttribution {
    private static let loaded: Result<AttributionTagger?, any Error> = Result {
        guard let encoder = try SharedEncoder.encoder() else { return nil }
        return try AttributionTagger.bundled(encoder: encoder)
    }

    /// The tagger, or `nil` when it cannot run here.
    /// - Throws: ``CrosscheckError`` with code `modelMissing` when its files are present but damaged.
    static func tagger() throws -> AttributionTagger? {
        try loaded.get()
    }
}
