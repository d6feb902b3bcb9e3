/// A transaction that made it into a ledger, successful or not.
struct TransactionRecord: Codable, Sendable {
    /// The outer fee bump's hash and signatures, for a fee-bumped transaction.
    struct FeeBump: Codable, Sendable {
        var hash: String
        var signatures: [String]
        var innerHash: String
        var innerSignatures: [String]
        var innerMaxFee: Int64
    }

    var hash: String
    var ledger: UInt32
    /// 1-based position in its ledger.
    var applicationOrder: UInt32
    var createdAt: UInt64
    var successful: Bool
    /// `G…` of the (inner) transaction's source; `M…` too when it was muxed.
    var sourceAccount: String
    var sourceAccountMuxed: String?
    var sourceAccountSequence: Int64
    var feeAccount: String
    var feeAccountMuxed: String?
    var feeCharged: Int64
    var maxFee: Int64
    var operationCount: Int
    var envelopeXDR: String
    var resultXDR: String
    var resultCodes: ResultCodes
    /// `none`, `text`, `id`, `hash` or `return`, and the memo as Horizon prints it.
    var memoType: String
    var memo: String?
    /// A text memo's raw bytes in base64.
    var memoBytes: String?
    /// Base64 signatures of the envelope (the outer ones for a fee bump).
    var signatures: [String]
    var validAfter: UInt64?
    var validBefore: UInt64?
    var feeBump: FeeBump?
    /// Every `G…` account the transaction touches (sources, fee source, destinations, claimants), for
    /// `/accounts/{id}/transactions`.
    var participants: [String]

    var pagingToken: Int64 { OperationID.transaction(ledger: self.ledger, order: self.applicationOrder) }
}
