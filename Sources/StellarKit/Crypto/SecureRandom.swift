/// Cryptographically secure random bytes from libsodium, for nonces and keys.
public enum SecureRandom {
    /// `count` (not negative) random bytes, drawn in one call (`SystemRandomNumberGenerator` asks the kernel once per
    /// 8 bytes).
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.randomBytes(count)
    }
}
