import StellarKit

/// A signer on an account other than its master key.
struct AccountSigner: Codable, Sendable, Hashable {
    /// The signer's strkey: `G…`, `T…`, `X…` or `P…`.
    var key: String
    /// Its weight towards thresholds, 1…255.
    var weight: UInt32

    /// The parsed key; stored keys always parse because only `SignerKey.strKey()` output is stored.
    var signerKey: SignerKey? { try? SignerKey(strKey: self.key) }

    /// Horizon's `type` for the key.
    var horizonType: String {
        switch self.key.first {
        case "T": "preauth_tx"
        case "X": "sha256_hash"
        case "P": "ed25519_signed_payload"
        default: "ed25519_public_key"
        }
    }
}
