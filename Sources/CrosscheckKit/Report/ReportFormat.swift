/// The output formats a report can be written in.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case terminal, json, markdown
}

/// Writes a report in one format.
public protocol ReportRenderer: Sendable {
    /// The report as text in this renderer's format.
    func render(_ report: Report) throws -> String
}
