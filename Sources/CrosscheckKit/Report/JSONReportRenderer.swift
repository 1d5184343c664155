public import Foundation

/// Writes the report as JSON in the `crosscheck.report/1` schema, keys in snake case.
public struct JSONReportRenderer: ReportRenderer {
    /// Whether to indent the output. The default is `true`.
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    public func render(_ report: Report) throws -> String {
        String(decoding: try Self.encoder(pretty: pretty).encode(report), as: UTF8.self)
    }

    /// The encoder reports are written with.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder that reads reports back.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
