/// Sends an amount of an asset to an account.
public struct PaymentOp: Sendable, Hashable {
    /// The recipient, possibly multiplexed.
    public var destination: MuxedAccount
    /// What is sent.
    public var asset: Asset
    /// How much, in stroops.
    public var amount: Int64

    /// Pays `amount` stroops of `asset` to `destination`.
    public init(destination: MuxedAccount, asset: Asset, amount: Int64) {
        self.destination = destination
        self.asset = asset
        self.amount = amount
    }
}

extension PaymentOp: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(destination)
        try encoder.encode(asset)
        encoder.encode(amount)
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(destination: try decoder.decode(), asset: try decoder.decode(), amount: try decoder.decodeInt64())
    }
}
