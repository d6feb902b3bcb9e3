/// The pre-protocol-13 transaction form: a plain ed25519 source and optional time bounds.
public struct TransactionV0: Sendable, Hashable {
    /// The source account's key.
    public var sourceAccountEd25519: PublicKey
    /// The most the transaction may be charged, in stroops.
    public var fee: UInt32
    /// The source account's sequence number after this transaction.
    public var sequenceNumber: Int64
    /// When the transaction is valid.
    public var timeBounds: TimeBounds?
    /// The memo.
    public var memo: Memo
    /// The operations.
    public var operations: [TransactionOperation]

    /// A v0 transaction.
    public init(
        sourceAccountEd25519: PublicKey, fee: UInt32, sequenceNumber: Int64,
        timeBounds: TimeBounds? = nil, memo: Memo = .none, operations: [TransactionOperation]
    ) {
        self.sourceAccountEd25519 = sourceAccountEd25519
        self.fee = fee
        self.sequenceNumber = sequenceNumber
        self.timeBounds = timeBounds
        self.memo = memo
        self.operations = operations
    }

    /// The v0 form of a v1 transaction; nil when it uses what v0 cannot express
    /// (a multiplexed source, or preconditions beyond time bounds).
    public init?(_ transaction: Transaction) {
        guard transaction.sourceAccount.id == nil else { return nil }
        let bounds: TimeBounds?
        switch transaction.preconditions {
        case .none: bounds = nil
        case .time(let time): bounds = time
        case .v2: return nil
        }
        self.init(
            sourceAccountEd25519: transaction.sourceAccount.ed25519, fee: transaction.fee,
            sequenceNumber: transaction.sequenceNumber, timeBounds: bounds, memo: transaction.memo,
            operations: transaction.operations
        )
    }

    /// The v1 form, which is what v0 transactions are hashed and signed as.
    public var v1: Transaction {
        Transaction(
            sourceAccount: MuxedAccount(ed25519: sourceAccountEd25519), fee: fee, sequenceNumber: sequenceNumber,
            preconditions: timeBounds.map { .time($0) } ?? .none, memo: memo, operations: operations
        )
    }

    /// The hash of the v1 form ("use ENVELOPE_TYPE_TX to sign ENVELOPE_TYPE_TX_V0").
    public func hash(network: Network) throws(XDRError) -> [UInt8] {
        try v1.hash(network: network)
    }
}

/// `TransactionV0 { uint256 sourceAccountEd25519; uint32 fee; SequenceNumber seqNum; TimeBounds* timeBounds;
/// Memo memo; Operation operations<100>; union switch (int v) { case 0: void } ext; }`.
extension TransactionV0: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        encoder.encodeUInt256(sourceAccountEd25519.rawBytes)
        encoder.encode(fee)
        encoder.encode(sequenceNumber)
        try encoder.encodeOptional(timeBounds)
        try encoder.encode(memo)
        try encoder.encodeArray(operations, maxCount: Transaction.maximumOperations, field: "operations")
        encoder.encode(Int32(0))
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        sourceAccountEd25519 = PublicKey(unchecked: try decoder.decodeFixedOpaque(count: 32))
        fee = try decoder.decodeUInt32()
        sequenceNumber = try decoder.decodeInt64()
        timeBounds = try decoder.decodeOptional()
        memo = try decoder.decode()
        operations = try decoder.decodeArray(maxCount: Transaction.maximumOperations, field: "operations")
        let ext = try decoder.decodeInt32()
        guard ext == 0 else { throw .invalidDiscriminant(type: "TransactionV0.ext", value: ext) }
    }
}
