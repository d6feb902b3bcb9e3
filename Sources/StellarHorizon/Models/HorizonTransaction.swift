/// A transaction as `GET /transactions/{hash}` (and a successful submission) shows it.
public struct HorizonTransaction: Sendable, Hashable {
    /// The hex hash, also the id.
    public var hash: String
    public var pagingToken: String
    /// False for a transaction that made it into a ledger but failed (its fee was still charged).
    public var successful: Bool
    public var ledger: Int64
    /// ISO 8601, as Horizon prints it.
    public var createdAt: String
    public var sourceAccount: String
    public var sourceAccountSequence: Int64
    public var feeAccount: String?
    /// Stroops.
    public var feeCharged: Int64
    public var maxFee: Int64
    public var operationCount: Int
    public var memo: HorizonMemo
    /// Base64 XDR: `TransactionEnvelope`, `TransactionResult` and (when Horizon keeps it) `TransactionMeta`.
    public var envelopeXDR: String
    public var resultXDR: String
    public var resultMetaXDR: String?
    public var signatures: [String]
}

extension HorizonTransaction: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: HorizonKey.self)
        self.hash = try container.value(String.self, "hash")
        self.pagingToken = try container.value(String.self, "paging_token")
        self.successful = try container.value(Bool.self, "successful")
        self.ledger = try container.value(Int64.self, "ledger")
        self.createdAt = try container.value(String.self, "created_at")
        self.sourceAccount = try container.value(String.self, "source_account")
        self.sourceAccountSequence = try container.int64("source_account_sequence")
        self.feeAccount = try container.optional(String.self, "fee_account")
        self.feeCharged = try container.optionalInt64("fee_charged") ?? 0
        self.maxFee = try container.optionalInt64("max_fee") ?? 0
        self.operationCount = try container.optional(Int.self, "operation_count") ?? 0
        self.memo = try container.memo()
        self.envelopeXDR = try container.value(String.self, "envelope_xdr")
        self.resultXDR = try container.value(String.self, "result_xdr")
        self.resultMetaXDR = try container.optional(String.self, "result_meta_xdr")
        self.signatures = try container.optional([String].self, "signatures") ?? []
    }
}
