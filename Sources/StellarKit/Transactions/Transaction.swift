/// A (v1) transaction: the form every transaction is hashed in, whatever envelope carries it.
public struct Transaction: Sendable, Hashable {
    /// The XDR bound on operations (`MAX_OPS_PER_TX`).
    public static let maximumOperations = 100

    /// The account that pays the fee and whose sequence number is used.
    public var sourceAccount: MuxedAccount
    /// The most the transaction may be charged, in stroops.
    public var fee: UInt32
    /// The source account's sequence number after this transaction (its current one plus one).
    public var sequenceNumber: Int64
    /// When the transaction is valid.
    public var preconditions: Preconditions
    /// The memo.
    public var memo: Memo
    /// The operations, at least one and at most 100 for the network to accept it.
    public var operations: [TransactionOperation]

    /// A transaction.
    public init(
        sourceAccount: MuxedAccount, fee: UInt32, sequenceNumber: Int64,
        preconditions: Preconditions = .none, memo: Memo = .none, operations: [TransactionOperation]
    ) {
        self.sourceAccount = sourceAccount
        self.fee = fee
        self.sequenceNumber = sequenceNumber
        self.preconditions = preconditions
        self.memo = memo
        self.operations = operations
    }

    /// The hash that identifies the transaction on `network` and that signers sign.
    public func hash(network: Network) throws(XDRError) -> [UInt8] {
        try SignaturePayload.hash(network: network, type: .transaction, body: self)
    }
}

/// `Transaction { MuxedAccount sourceAccount; uint32 fee; SequenceNumber seqNum; Preconditions cond;
/// Memo memo; Operation operations<100>; union switch (int v) { case 0: void; case 1: SorobanTransactionData } ext; }`.
extension Transaction: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(sourceAccount)
        encoder.encode(fee)
        encoder.encode(sequenceNumber)
        try encoder.encode(preconditions)
        try encoder.encode(memo)
        try encoder.encodeArray(operations, maxCount: Self.maximumOperations, field: "operations")
        encoder.encode(Int32(0))
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        sourceAccount = try decoder.decode()
        fee = try decoder.decodeUInt32()
        sequenceNumber = try decoder.decodeInt64()
        preconditions = try decoder.decode()
        memo = try decoder.decode()
        operations = try decoder.decodeArray(maxCount: Self.maximumOperations, field: "operations")
        let ext = try decoder.decodeInt32()
        switch ext {
        case 0: break
        case 1: throw .unsupportedExtension(type: "Transaction.ext", value: ext)
        default: throw .invalidDiscriminant(type: "Transaction.ext", value: ext)
        }
    }
}

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
