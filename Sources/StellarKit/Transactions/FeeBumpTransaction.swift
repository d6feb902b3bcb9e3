/// A transaction that pays a higher fee for an already signed inner transaction (CAP-15).
public struct FeeBumpTransaction: Sendable, Hashable {
    /// The account that pays the fee.
    public var feeSource: MuxedAccount
    /// The most the fee bump may be charged, in stroops, covering the inner operations plus one.
    public var fee: Int64
    /// The signed inner transaction.
    public var innerTransaction: TransactionV1Envelope

    /// A fee bump of `innerTransaction`.
    public init(feeSource: MuxedAccount, fee: Int64, innerTransaction: TransactionV1Envelope) {
        self.feeSource = feeSource
        self.fee = fee
        self.innerTransaction = innerTransaction
    }

    /// The hash that identifies the fee bump on `network` and that its fee source signs.
    public func hash(network: Network) throws(XDRError) -> [UInt8] {
        try SignaturePayload.hash(network: network, type: .transactionFeeBump, body: self)
    }
}

/// `FeeBumpTransaction { MuxedAccount feeSource; int64 fee; union switch (EnvelopeType type)
/// { case ENVELOPE_TYPE_TX: TransactionV1Envelope v1; } innerTx; union switch (int v) { case 0: void } ext; }`.
extension FeeBumpTransaction: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(feeSource)
        encoder.encode(fee)
        encoder.encode(EnvelopeType.transaction.rawValue)
        try encoder.encode(innerTransaction)
        encoder.encode(Int32(0))
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        feeSource = try decoder.decode()
        fee = try decoder.decodeInt64()
        let innerType = try decoder.decodeInt32()
        guard innerType == EnvelopeType.transaction.rawValue else {
            throw .invalidDiscriminant(type: "FeeBumpTransaction.innerTx", value: innerType)
        }
        innerTransaction = try decoder.decode()
        let ext = try decoder.decodeInt32()
        guard ext == 0 else { throw .invalidDiscriminant(type: "FeeBumpTransaction.ext", value: ext) }
    }
}
