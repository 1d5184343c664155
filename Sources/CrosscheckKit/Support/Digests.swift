import Crypto

/// SHA-256 digests (swift-crypto), for input digests in reports, content hashes and held-aside
/// splits, and HMAC signatures of webhook bodies.
public enum Digests {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(SHA256.hash(data: Array(bytes)))
    }

    /// The lower-case hexadecimal SHA-256 digest of `bytes`.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// Whether `signature` (lower-case hex) is the HMAC-SHA256 of `message` keyed with `key`,
    /// compared in constant time.
    public static func isHMACSHA256(_ signature: String, of message: some Collection<UInt8>, key: String) -> Bool {
        guard signature.count == 64, let bytes = hexBytes(signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Array(message), using: SymmetricKey(data: Array(key.utf8)))
    }

    /// The lower-case hexadecimal HMAC-SHA256 of `message` keyed with `key`.
    public static func hmacSHA256Hex(_ message: some Collection<UInt8>, key: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(message), using: SymmetricKey(data: Array(key.utf8))).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
