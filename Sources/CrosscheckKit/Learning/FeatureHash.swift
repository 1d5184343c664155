/// Stable 64-bit FNV-1a hashing for feature names.
///
/// Swift's `Hasher` is seeded per process, so trained models use this instead: the same feature
/// always lands in the same slot, on every machine and every run.
public enum FeatureHash {
    @inlinable
    public static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return value
    }

    /// Continues a hash with more bytes, so a feature can be hashed from parts without joining them.
    @inlinable
    public static func combine(_ value: UInt64, _ text: Substring) -> UInt64 {
        var value = value
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return value
    }

    /// A final mixing step (from SplitMix64) so nearby hashes spread over all slots.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
