/// A range of a text in Unicode scalar offsets, end exclusive.
public struct TextSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The number of scalars covered.
    public var length: Int { end - start }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
}

extension Array where Element == Unicode.Scalar {
    /// The text of `span`.
    public func text(_ span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self[span.start..<span.end])
        return String(view)
    }
}
