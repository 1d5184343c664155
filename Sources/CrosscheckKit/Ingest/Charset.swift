public import Foundation

/// A character encoding the engine can decode.
public enum Charset: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case latin1 = "iso-8859-1"
    case windows1252 = "windows-1252"

    /// Reads a charset label as found in a `Content-Type` header or `<meta charset>`.
    ///
    /// Labels follow the WHATWG encoding names; `iso-8859-1`, `latin1` and `us-ascii` decode as
    /// windows-1252, as browsers do. Returns `nil` for labels the engine does not know.
    public init?(label: String) {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines.union(["\"", "'"])).lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "utf-16le", "utf-16", "ucs-2", "unicode", "csunicode": self = .utf16LittleEndian
        case "utf-16be", "unicodefffe": self = .utf16BigEndian
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp819", "ibm819", "us-ascii", "ascii",
            "iso-ir-100", "csisolatin1":
            self = .windows1252
        case "windows-1252", "cp1252", "x-cp1252": self = .windows1252
        default: return nil
        }
    }
}

/// Turns bytes into text: byte order marks, declared charsets and invalid bytes.
public enum TextDecoding {
    /// The charset announced by a byte order mark, and the mark's length.
    public static func byteOrderMark(_ data: Data) -> (Charset, Int)? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if data.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if data.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// Decodes `data` to a string.
    ///
    /// The byte order mark wins, then `declared` (an HTTP header's charset), then a charset the
    /// document declares in its first 1024 bytes (`<meta charset>`, `<?xml encoding>`), then UTF-8.
    /// Undecodable UTF-8 falls back to windows-1252 when invalid sequences far outnumber valid ones,
    /// otherwise invalid bytes become U+FFFD. Never fails.
    public static func decode(_ data: Data, declared: Charset? = nil) -> (text: String, charset: Charset) {
        if let (charset, length) = byteOrderMark(data) {
            return (decode(data.dropFirst(length), as: charset), charset)
        }
        let charset = declared ?? sniffDeclaredCharset(data) ?? guessCharset(data)
        return (decode(data, as: charset), charset)
    }

    /// Decodes `bytes` as `charset`, replacing invalid sequences with U+FFFD.
    public static func decode(_ bytes: some Collection<UInt8>, as charset: Charset) -> String {
        switch charset {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .utf16LittleEndian, .utf16BigEndian:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var iterator = bytes.makeIterator()
            while let first = iterator.next() {
                guard let second = iterator.next() else { units.append(0xFFFD); break }
                units.append(
                    charset == .utf16LittleEndian
                        ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second))
            }
            return String(decoding: units, as: UTF16.self)
        case .latin1, .windows1252:
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(bytes.count)
            for byte in bytes {
                if charset == .windows1252, (0x80...0x9F).contains(byte) {
                    scalars.append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }

    /// The charset a document declares near its start, if any.
    public static func sniffDeclaredCharset(_ data: Data) -> Charset? {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            var searchStart = head.startIndex
            while let range = head.range(of: marker, range: searchStart..<head.endIndex) {
                searchStart = range.upperBound
                let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if let charset = Charset(label: String(label)) { return charset }
            }
        }
        return nil
    }

    /// UTF-8 unless the bytes are mostly invalid as UTF-8, in which case windows-1252.
    static func guessCharset(_ data: Data) -> Charset {
        var invalid = 0
        var multiByte = 0
        var index = data.startIndex
        let end = data.endIndex
        while index < end {
            let byte = data[index]
            if byte < 0x80 { index += 1; continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            var valid = length > 0 && index + length <= end
            if valid {
                for offset in 1..<length where data[index + offset] & 0xC0 != 0x80 { valid = false }
            }
            if valid { multiByte += 1; index += length } else { invalid += 1; index += 1 }
        }
        return invalid > 0 && multiByte * 4 < invalid ? .windows1252 : .utf8
    }

    /// Whether the bytes look like binary data rather than text in any supported charset.
    ///
    /// Text with a UTF-16 byte order mark is not binary; otherwise NUL bytes or many control
    /// characters in the first 8 KB mark the input as binary.
    public static func looksBinary(_ data: Data) -> Bool {
        if let (charset, _) = byteOrderMark(data), charset != .utf8 { return false }
        let sample = data.prefix(8192)
        guard !sample.isEmpty else { return false }
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { control += 1 }
        }
        return control * 10 > sample.count
    }

    /// windows-1252's code points for bytes 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
