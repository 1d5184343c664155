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
        // Encoding to UTF-8 bytes and decoding once is several times faster than appending
        // scalars to a String one by one.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(span.end - span.start)
        for scalar in self[span.start..<span.end] {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
