/// Payments to an account in ledger order, from a cursor: Horizon's `/accounts/{id}/payments?cursor=…&order=asc`
/// with `join=transactions` (for the memo). Tests read the devnet's history directly.
public protocol PaymentSource: Sendable {
    /// Up to `limit` payment-family records involving `account` after `cursor` (nil: from the start of history).
    func payments(account: String, after cursor: String?, limit: Int) async throws(StellarLedgerError) -> [PaymentSourceItem]
}

/// One record of a payments page: readable, or not (kept so the cursor can move past it).
public enum PaymentSourceItem: Sendable, Equatable {
    case payment(LedgerPayment)
    /// A record the source could not read (unknown shape, bad amount, …).
    case unreadable(pagingToken: String, reason: String)

    /// Where the stream stands after this item.
    public var pagingToken: String {
        switch self {
        case .payment(let payment): payment.pagingToken
        case .unreadable(let token, _): token
        }
    }
}

/// A payment as the watcher matches it against withdrawals.
public struct LedgerPayment: Sendable, Equatable {
    /// `native`, or the asset code and issuer.
    public enum AssetID: Sendable, Equatable {
        case native
        case credit(code: String, issuer: String)
    }

    public var pagingToken: String
    public var transactionHash: String
    /// Whether the enclosing transaction succeeded (Horizon lists failed ones only when asked).
    public var successful: Bool
    /// The sending account (`G…`).
    public var from: String
    /// The receiving account (`G…`; the base account of a muxed destination).
    public var to: String
    public var asset: AssetID
    /// Amount received, in stroops.
    public var amount: Int64
    /// The transaction's memo as Horizon prints it (an id in decimal, text as text, hashes in base64), and its type.
    public var memo: String?
    public var memoType: String

    public init(
        pagingToken: String, transactionHash: String, successful: Bool, from: String, to: String, asset: AssetID,
        amount: Int64, memo: String?, memoType: String
    ) {
        self.pagingToken = pagingToken
        self.transactionHash = transactionHash
        self.successful = successful
        self.from = from
        self.to = to
        self.asset = asset
        self.amount = amount
        self.memo = memo
        self.memoType = memoType
    }
}
