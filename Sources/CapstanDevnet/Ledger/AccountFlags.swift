/// Account flag bits (`AccountFlags` in Stellar-ledger-entries.x).
enum AccountFlags {
    /// Trustlines to the account's assets start unauthorized.
    static let authRequired: UInt32 = 0x1
    /// The issuer may revoke authorization.
    static let authRevocable: UInt32 = 0x2
    /// No authorization flag may ever change again, and the account cannot be merged.
    static let authImmutable: UInt32 = 0x4
    /// The issuer may claw back its asset.
    static let authClawbackEnabled: UInt32 = 0x8
    /// Every flag SetOptions may set or clear.
    static let all: UInt32 = 0xF
}

/// Trustline flag bits (`TrustLineFlags`).
enum TrustlineFlags {
    /// The holder may send and receive the asset.
    static let authorized: UInt32 = 0x1
    /// The holder may keep offers but not send or receive.
    static let authorizedToMaintainLiabilities: UInt32 = 0x2
}
