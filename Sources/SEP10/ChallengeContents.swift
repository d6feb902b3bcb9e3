import StellarKit

/// A challenge that passed every structural rule and carries the server's signature; what remains is
/// to weigh the client's signatures against the ledger.
struct ChallengeContents: Sendable {
    let envelope: TransactionEnvelope
    /// The transaction hash on the server's network: what every signature signs, and the JWT `jti`.
    let hash: [UInt8]
    /// The source of the first operation: the account being authenticated (`G…` or `M…`).
    let clientAccount: MuxedAccount
    let memo: UInt64?
    /// Which configured home domain the first operation named.
    let homeDomain: String
    /// The `client_domain` op's value and source, when present.
    let clientDomain: (domain: String, key: PublicKey)?
    let minTime: UInt64
    /// Which envelope signature is the server's, so it is verified once and never counted for the client.
    let serverSignatureIndex: Int

    /// The JWT `sub` (SEP-10 "Token"): `M…` for a muxed client, `G…:<memo>` with an id memo, else `G…`.
    var subject: String {
        if self.clientAccount.id != nil { return self.clientAccount.strKey }
        if let memo { return "\(self.clientAccount.accountId):\(memo)" }
        return self.clientAccount.accountId
    }
}
