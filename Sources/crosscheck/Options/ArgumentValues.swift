public import ArgumentParser
public import CrosscheckKit
public import Foundation

extension InputFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension SourceRecord.Kind: ExpressibleByArgument {}

/// Reads a date option (`YYYY-MM-DD` or ISO 8601).
/// - Throws: ``CrosscheckError`` `invalidArgument` naming the option when it is not a date.
func dateOption(_ text: String?, _ option: String) throws -> Date? {
    guard let text else { return nil }
    guard let value = DateNormalizer.date(text) else {
        throw CrosscheckError(.invalidArgument, "\(option) \(text) is not a date; write it like 2026-03-01")
    }
    return value
}
