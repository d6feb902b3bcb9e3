import CapstanCore
import CapstanHTTP

/// The SEP-24 transaction object ("Single Historical Transaction"), as `GET /transaction(s)` and callbacks send it.
///
/// Absent values are left out rather than sent as `null`: the anchor test suite types most fields as plain
/// strings. `more_info_url` is always there, and so is `to` on deposits and `from` on withdrawals (the suite
/// requires both as non-null strings even while a transaction is `incomplete`).
struct TransactionObject: Encodable, Sendable {
    let transaction: Transaction
    let moreInfoURL: String

    init(_ transaction: Transaction, moreInfoURL: String) {
        self.transaction = transaction
        self.moreInfoURL = moreInfoURL
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status
        case statusEta = "status_eta", kycVerified = "kyc_verified", moreInfoURL = "more_info_url"
        case amountIn = "amount_in", amountInAsset = "amount_in_asset", amountOut = "amount_out"
        case amountOutAsset = "amount_out_asset", amountFee = "amount_fee", amountFeeAsset = "amount_fee_asset"
        case feeDetails = "fee_details", quoteID = "quote_id", startedAt = "started_at", updatedAt = "updated_at"
        case completedAt = "completed_at", userActionRequiredBy = "user_action_required_by"
        case stellarTransactionID = "stellar_transaction_id", externalTransactionID = "external_transaction_id"
        case message, refunded, refunds, from, to
        case depositMemo = "deposit_memo", depositMemoType = "deposit_memo_type", claimableBalanceID = "claimable_balance_id"
        case withdrawAnchorAccount = "withdraw_anchor_account", withdrawMemo = "withdraw_memo"
        case withdrawMemoType = "withdraw_memo_type"
    }

    func encode(to encoder: any Encoder) throws {
        let tx = self.transaction
        var out = encoder.container(keyedBy: CodingKeys.self)
        try out.encode(tx.id, forKey: .id)
        try out.encode(tx.kind == .deposit ? "deposit" : "withdrawal", forKey: .kind)
        try out.encode(tx.status.rawValue, forKey: .status)
        try out.encodeIfPresent(tx.statusEta, forKey: .statusEta)
        try out.encodeIfPresent(tx.kycVerified, forKey: .kycVerified)
        try out.encode(self.moreInfoURL, forKey: .moreInfoURL)
        try out.encodeIfPresent(tx.amountIn?.description, forKey: .amountIn)
        try out.encodeIfPresent(tx.amountInAsset, forKey: .amountInAsset)
        try out.encodeIfPresent(tx.amountOut?.description, forKey: .amountOut)
        try out.encodeIfPresent(tx.amountOutAsset, forKey: .amountOutAsset)
        try out.encodeIfPresent(tx.amountFee?.description, forKey: .amountFee)
        try out.encodeIfPresent(tx.amountFeeAsset, forKey: .amountFeeAsset)
        try out.encodeIfPresent(tx.feeDetails.map(FeeDetailsObject.init), forKey: .feeDetails)
        try out.encodeIfPresent(tx.quoteID, forKey: .quoteID)
        try out.encode(UTCTimestamp.format(tx.startedAt), forKey: .startedAt)
        try out.encode(UTCTimestamp.format(tx.updatedAt), forKey: .updatedAt)
        try out.encodeIfPresent(tx.completedAt.map(UTCTimestamp.format), forKey: .completedAt)
        try out.encodeIfPresent(tx.userActionRequiredBy.map(UTCTimestamp.format), forKey: .userActionRequiredBy)
        try out.encodeIfPresent(tx.stellarTransactionID, forKey: .stellarTransactionID)
        try out.encodeIfPresent(tx.externalTransactionID, forKey: .externalTransactionID)
        try out.encodeIfPresent(tx.message, forKey: .message)
        try out.encode(tx.refunded, forKey: .refunded)
        try out.encodeIfPresent(tx.refunds.map(RefundsObject.init), forKey: .refunds)
        if tx.kind == .deposit {
            try out.encodeIfPresent(tx.from, forKey: .from)
            try out.encode(tx.to ?? Self.owner(tx.sub), forKey: .to)
            try out.encodeIfPresent(tx.depositMemo, forKey: .depositMemo)
            try out.encodeIfPresent(tx.depositMemoType?.rawValue, forKey: .depositMemoType)
            try out.encodeIfPresent(tx.claimableBalanceID, forKey: .claimableBalanceID)
        } else {
            try out.encode(tx.from ?? Self.owner(tx.sub), forKey: .from)
            try out.encodeIfPresent(tx.to, forKey: .to)
            try out.encodeIfPresent(tx.withdrawAnchorAccount, forKey: .withdrawAnchorAccount)
            try out.encodeIfPresent(tx.withdrawMemo, forKey: .withdrawMemo)
            try out.encodeIfPresent(tx.withdrawMemoType?.rawValue, forKey: .withdrawMemoType)
        }
    }
}

extension TransactionObject {
    /// The owner's address (`M…` or `G…`): the fallback for a `to`/`from` that was never recorded.
    static func owner(_ sub: String) -> String {
        let subject = SEP10Subject(sub)
        return subject?.muxedAccount ?? subject?.account ?? sub
    }
}

/// SEP-24 `fee_details`: the parts are called `breakdown` here (SEP-6 and SEP-31 say `details`).
private struct FeeDetailsObject: Encodable {
    let total: String
    let asset: String
    let breakdown: [Part]?

    struct Part: Encodable {
        let name: String
        let description: String?
        let amount: String
    }

    init(_ details: Transaction.FeeDetails) {
        self.total = details.total.description
        self.asset = details.asset
        self.breakdown = details.details.map { $0.map { Part(name: $0.name, description: $0.description, amount: $0.amount.description) } }
    }
}

/// SEP-24 `refunds`, amounts as decimal strings.
private struct RefundsObject: Encodable {
    let amountRefunded: String
    let amountFee: String
    let payments: [Payment]

    struct Payment: Encodable {
        let id: String
        let idType: String
        let amount: String
        let fee: String

        enum CodingKeys: String, CodingKey { case id, idType = "id_type", amount, fee }
    }

    init(_ refunds: Transaction.Refunds) {
        self.amountRefunded = refunds.amountRefunded.description
        self.amountFee = refunds.amountFee.description
        self.payments = refunds.payments.map {
            Payment(id: $0.id, idType: $0.idType.rawValue, amount: $0.amount.description, fee: $0.fee.description)
        }
    }

    enum CodingKeys: String, CodingKey { case amountRefunded = "amount_refunded", amountFee = "amount_fee", payments }
}
