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
