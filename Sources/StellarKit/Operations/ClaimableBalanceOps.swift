/// Sets an amount aside for claimants to claim later; anchors use it to pay accounts without a trustline.
public struct CreateClaimableBalanceOp: Sendable, Hashable {
    /// The XDR bound on claimants.
    public static let maximumClaimants = 10

    /// What is set aside.
    public var asset: Asset
    /// How much, in stroops.
    public var amount: Int64
    /// Who may claim it, and when.
    public var claimants: [Claimant]

    /// A claimable balance of `amount` stroops of `asset`.
    public init(asset: Asset, amount: Int64, claimants: [Claimant]) {
        self.asset = asset
        self.amount = amount
        self.claimants = claimants
    }
}

extension CreateClaimableBalanceOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(asset)
        encoder.encode(amount)
        try encoder.encodeArray(claimants, maxCount: Self.maximumClaimants, field: "claimants")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(
            asset: try decoder.decode(),
            amount: try decoder.decodeInt64(),
            claimants: try decoder.decodeArray(maxCount: Self.maximumClaimants, field: "claimants")
        )
    }
}

/// Claims a claimable balance.
public struct ClaimClaimableBalanceOp: Sendable, Hashable {
    /// The balance to claim.
    public var balanceID: ClaimableBalanceID

    /// Claims the balance with this id.
    public init(balanceID: ClaimableBalanceID) {
        self.balanceID = balanceID
    }
}

extension ClaimClaimableBalanceOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(balanceID)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(balanceID: try decoder.decode())
    }
}
