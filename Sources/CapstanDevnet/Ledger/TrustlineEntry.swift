/// An account's trustline to a credit asset.
struct TrustlineEntry: Codable, Sendable, Hashable {
    /// The asset as `CODE:ISSUER`.
    var asset: String
    /// What the account holds, in stroops.
    var balance: Int64
    /// The most it will hold, in stroops.
    var limit: Int64
    /// `TrustlineFlags` bits.
    var flags: UInt32
    var lastModifiedLedger: UInt32

    /// Whether the holder may send and receive the asset.
    var isAuthorized: Bool { self.flags & TrustlineFlags.authorized != 0 }
}
