/// SHA-256 as Stellar uses it: network ids, transaction hashes, hash-x signers.
public enum StellarHash {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.sha256(bytes)
    }
}
