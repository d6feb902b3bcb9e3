import StellarKit

/// A submitted envelope reduced to what validation and application need, whatever its kind (v0, v1, fee bump).
struct TransactionFrame: Sendable {
    /// The fee bump around the transaction, when there is one.
    struct FeeBump: Sendable {
        var feeSource: MuxedAccount
        var fee: Int64
        var signatures: [DecoratedSignature]
    }

    let envelope: TransactionEnvelope
    /// The envelope as submitted.
    let envelopeXDR: String
    /// The transaction id: the fee bump's hash for a fee bump, else the transaction's.
    let hash: [UInt8]
    /// The transaction whose operations run.
    let transaction: Transaction
    /// The hash the inner signatures sign (equal to `hash` without a fee bump).
    let innerHash: [UInt8]
    let innerSignatures: [DecoratedSignature]
    let feeBump: FeeBump?

    init(envelope: TransactionEnvelope, envelopeXDR: String, network: Network) throws(XDRError) {
        self.envelope = envelope
        self.envelopeXDR = envelopeXDR
        self.hash = try envelope.hash(network: network)
        self.transaction = envelope.transaction
        switch envelope {
        case .v0(let v0):
            self.innerHash = self.hash
            self.innerSignatures = v0.signatures
            self.feeBump = nil
        case .v1(let v1):
            self.innerHash = self.hash
            self.innerSignatures = v1.signatures
            self.feeBump = nil
        case .feeBump(let outer):
            self.innerHash = try outer.tx.innerTransaction.tx.hash(network: network)
            self.innerSignatures = outer.tx.innerTransaction.signatures
            self.feeBump = FeeBump(feeSource: outer.tx.feeSource, fee: outer.tx.fee, signatures: outer.signatures)
        }
    }

    var hashHex: String { Hex.encode(self.hash) }

    /// The account that pays the fee.
    var feeSource: MuxedAccount { self.feeBump?.feeSource ?? self.transaction.sourceAccount }

    /// The most the transaction offered to pay.
    var feeBid: Int64 { self.feeBump?.fee ?? Int64(self.transaction.fee) }

    /// The operations a fee is due for: a fee bump counts as one more.
    var feeOperationCount: Int64 { Int64(self.transaction.operations.count + (self.feeBump == nil ? 0 : 1)) }

    /// The least fee the network accepts.
    func minimumFee(baseFee: Int64) -> Int64 { baseFee * self.feeOperationCount }

    /// What is charged: the minimum, as stellar-core charges when the network is not in surge pricing.
    func feeCharged(baseFee: Int64) -> Int64 { min(self.feeBid, self.minimumFee(baseFee: baseFee)) }
}
