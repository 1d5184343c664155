import Crypto
public import Foundation
import _CryptoExtras

/// Passwords hashed with scrypt (swift-crypto), stored as `scrypt$N$r$p$salt$hash` (base64).
public enum PasswordHash {
    /// scrypt's cost: 2^15 rounds of 8-block mixing, about 32 MB and a tenth of a second a check.
    static let rounds = 1 << 15
    static let blockSize = 8
    static let parallelism = 1

    /// A new hash of `password` with a random salt.
    public static func make(_ password: String) throws -> String {
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let key = try derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return "scrypt$\(rounds)$\(blockSize)$\(parallelism)$\(salt.base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `stored`, compared in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
            let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
            let actual = try? derive(password, salt: salt, rounds: n, blockSize: r, parallelism: p)
        else { return false }
        return constantTimeEqual(actual, expected)
    }

    static func derive(_ password: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Data(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }

    static func constantTimeEqual(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// API tokens: `cc_<id>_<secret>`, shown once; the store keeps the id and a SHA-256 of the whole token.
public enum TokenSecret {
    /// A new token and its public id.
    public static func make() -> (token: String, id: String) {
        let id = randomText(bytes: 6)
        return ("cc_\(id)_\(randomText(bytes: 24))", id)
    }

    /// The id part of a token, when it has the token's shape.
    public static func id(of token: String) -> String? {
        let parts = token.split(separator: "_", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "cc", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        return parts[1]
    }

    /// The hash the store keeps (tokens are long and random, so a fast hash is enough).
    public static func hash(_ token: String) -> String { Digests.sha256Hex(Array(token.utf8)) }

    static func randomText(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
