import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The fields of an HTML form post (`application/x-www-form-urlencoded`).
struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    /// Whether `request` carries a form.
    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
    }

    /// Reads the form in `request`'s body, leaving the body collected so later readers see it too.
    /// - Throws: ``Problem`` 413 when the body is larger than `limit`.
    init(collecting request: inout Request, upTo limit: Int) async throws {
        let buffer = try await request.body(
            upTo: limit, title: "Form too large", detail: "the form is larger than \(limit) bytes; shorten the text or submit it through the API")
        self.init(encoded: String(buffer: buffer))
    }

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            values[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value of `name`, when the form has it.
    subscript(name: String) -> String? { values[name]?.first }

    /// The first value of `name`, trimmed, or `nil` when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
