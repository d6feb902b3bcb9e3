import StellarKit

/// A claimable balance waiting for one of its claimants.
struct ClaimableBalanceEntry: Codable, Sendable, Hashable {
    /// Who may claim, and when; predicates are stored as base64 XDR with relative times already made absolute.
    struct StoredClaimant: Codable, Sendable, Hashable {
        var destination: String
        var predicateXDR: String

        var predicate: ClaimPredicate? { try? ClaimPredicate(xdrBase64: self.predicateXDR) }
    }

    /// Hex of the `ClaimableBalanceID` XDR (`00000000…`).
    var id: String
    /// `native` or `CODE:ISSUER`.
    var asset: String
    var amount: Int64
    var claimants: [StoredClaimant]
    /// The account that paid the reserves.
    var sponsor: String
    var lastModifiedLedger: UInt32
    var lastModifiedTime: UInt64
}
