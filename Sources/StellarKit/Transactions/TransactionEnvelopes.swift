/// The most signatures an envelope may carry.
let maximumSignatures = 20

/// A v1 transaction with its signatures (`TransactionV1Envelope`).
public struct TransactionV1Envelope: Sendable, Hashable {
    /// The transaction.
    public var tx: Transaction
    /// Its signatures, at most 20.
    public var signatures: [DecoratedSignature]

    /// An envelope, unsigned unless signatures are given.
    public init(tx: Transaction, signatures: [DecoratedSignature] = []) {
        self.tx = tx
        self.signatures = signatures
    }
}

extension TransactionV1Envelope: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(tx)
        try encoder.encodeArray(signatures, maxCount: maximumSignatures, field: "signatures")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(tx: try decoder.decode(), signatures: try decoder.decodeArray(maxCount: maximumSignatures, field: "signatures"))
    }
}

/// A v0 transaction with its signatures (`TransactionV0Envelope`).
public struct TransactionV0Envelope: Sendable, Hashable {
    /// The transaction.
    public var tx: TransactionV0
    /// Its signatures, at most 20.
    public var signatures: [DecoratedSignature]

    /// An envelope, unsigned unless signatures are given.
    public init(tx: TransactionV0, signatures: [DecoratedSignature] = []) {
        self.tx = tx
        self.signatures = signatures
    }
}

extension TransactionV0Envelope: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(tx)
        try encoder.encodeArray(signatures, maxCount: maximumSignatures, field: "signatures")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(tx: try decoder.decode(), signatures: try decoder.decodeArray(maxCount: maximumSignatures, field: "signatures"))
    }
}

/// A fee bump transaction with its fee source's signatures (`FeeBumpTransactionEnvelope`).
public struct FeeBumpTransactionEnvelope: Sendable, Hashable {
    /// The fee bump.
    public var tx: FeeBumpTransaction
    /// Its signatures, at most 20.
    public var signatures: [DecoratedSignature]

    /// An envelope, unsigned unless signatures are given.
    public init(tx: FeeBumpTransaction, signatures: [DecoratedSignature] = []) {
        self.tx = tx
        self.signatures = signatures
    }
}

extension FeeBumpTransactionEnvelope: XDRCodable {
    public func encode(to encoder: inout XDREncoder) throws(XDRError) {
        try encoder.encode(tx)
        try encoder.encodeArray(signatures, maxCount: maximumSignatures, field: "signatures")
    }

    public init(from decoder: inout XDRDecoder) throws(XDRError) {
        self.init(tx: try decoder.decode(), signatures: try decoder.decodeArray(maxCount: maximumSignatures, field: "signatures"))
    }
}
