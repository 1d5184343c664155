import CrosscheckKit

extension ArticleReader.Configuration {
    /// How to read the input, from the `--max-input-size` and `--input-format` values of `check`
    /// and `listen`.
    /// - Throws: ``CrosscheckError`` `invalidArgument` naming the option when a value is unusable.
    static func options(maxInputSize: String, inputFormat: String) throws -> ArticleReader.Configuration {
        guard let maxBytes = ByteCount.parse(maxInputSize), maxBytes > 0 else {
            throw CrosscheckError(.invalidArgument, "--max-input-size \(maxInputSize) is not a size; write it like 50MB or 500KB")
        }
        var configuration = ArticleReader.Configuration(maxBytes: maxBytes)
        if inputFormat != "auto" {
            guard let chosen = InputFormat(rawValue: inputFormat.lowercased()) else {
                throw CrosscheckError(.invalidArgument, "--input-format \(inputFormat) is unknown; use auto, html, text or json")
            }
            configuration.format = chosen
        }
        return configuration
    }
}
