import CapstanCore

/// The host's transaction record as hooks receive it (the header's shared `transaction` shape): SEP field names,
/// amounts as decimal strings, times as RFC 3339 UTC. Every hook gets this one shape, interactive or rails.
public struct HookTransaction: Codable, Sendable, Equatable {
    public var id: String
    public var `protocol`: String
    public var kind: String
    public var status: String
    public var assetCode: String
    public var assetIssuer: String?
    public var amountIn: String?
    public var amountInAsset: String?
    public var amountOut: String?
    public var amountOutAsset: String?
    public var amountFee: String?
    public var amountExpected: String?
    public var quoteID: String?
    /// The owner's Stellar account (`G…`), and the memo of a shared account's user.
    public var account: String
    public var memo: String?
    public var memoType: String?
    public var from: String?
    public var to: String?
    public var depositMemo: String?
    public var depositMemoType: String?
    public var withdrawAnchorAccount: String?
    public var withdrawMemo: String?
    public var withdrawMemoType: String?
    public var stellarTransactionID: String?
    public var externalTransactionID: String?
    public var startedAt: String
    public var updatedAt: String
    public var completedAt: String?
    /// SEP-31's sender and receiver, as SEP-12 customer ids.
    public var senderID: String?
    public var receiverID: String?
    public var lang: String?

    public init(_ transaction: Transaction, assetIssuer: String?) {
        self.id = transaction.id
        self.protocol = transaction.protocol.rawValue
        self.kind = transaction.kind.rawValue
        self.status = transaction.status.rawValue
        self.assetCode = transaction.assetCode
        self.assetIssuer = assetIssuer
        self.amountIn = transaction.amountIn?.description
        self.amountInAsset = transaction.amountInAsset
        self.amountOut = transaction.amountOut?.description
        self.amountOutAsset = transaction.amountOutAsset
        self.amountFee = transaction.amountFee?.description
        self.amountExpected = transaction.amountExpected?.description
        self.quoteID = transaction.quoteID
        let owner = SEP10Subject(transaction.sub)
        self.account = owner?.account ?? transaction.sub
        self.memo = (owner?.memo ?? owner?.muxedID).map(String.init)
        self.memoType = self.memo == nil ? nil : "id"
        self.from = transaction.from
        self.to = transaction.to
        self.depositMemo = transaction.depositMemo
        self.depositMemoType = transaction.depositMemoType?.rawValue
        self.withdrawAnchorAccount = transaction.withdrawAnchorAccount
        self.withdrawMemo = transaction.withdrawMemo
        self.withdrawMemoType = transaction.withdrawMemoType?.rawValue
        self.stellarTransactionID = transaction.stellarTransactionID
        self.externalTransactionID = transaction.externalTransactionID
        self.startedAt = UTCTimestamp.format(transaction.startedAt)
        self.updatedAt = UTCTimestamp.format(transaction.updatedAt)
        self.completedAt = transaction.completedAt.map(UTCTimestamp.format)
        self.senderID = transaction.senderID
        self.receiverID = transaction.receiverID
        self.lang = transaction.lang
    }

    enum CodingKeys: String, CodingKey {
        case id, `protocol`, kind, status
        case assetCode = "asset_code", assetIssuer = "asset_issuer"
        case amountIn = "amount_in", amountInAsset = "amount_in_asset", amountOut = "amount_out"
        case amountOutAsset = "amount_out_asset", amountFee = "amount_fee", amountExpected = "amount_expected"
        case quoteID = "quote_id", account, memo, memoType = "memo_type", from, to
        case depositMemo = "deposit_memo", depositMemoType = "deposit_memo_type"
        case withdrawAnchorAccount = "withdraw_anchor_account", withdrawMemo = "withdraw_memo"
        case withdrawMemoType = "withdraw_memo_type", stellarTransactionID = "stellar_transaction_id"
        case externalTransactionID = "external_transaction_id", startedAt = "started_at", updatedAt = "updated_at"
        case completedAt = "completed_at", senderID = "sender_id", receiverID = "receiver_id", lang
    }
}
