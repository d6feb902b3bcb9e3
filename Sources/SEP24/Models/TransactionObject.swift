import CapstanCore
import CapstanHTTP

/// The SEP-24 transaction object ("Single Historical Transaction"), as `GET /transaction(s)`, callbacks and the
/// postMessage hand-back send it.
///
/// Absent values are left out rather than sent as `null`: the anchor test suite types most fields as plain
/// strings. `more_info_url` is always there, and so is `to` on deposits and `from` on withdrawals (the suite
/// requires both as non-null strings even while a transaction is `incomplete`).
///
/// Written straight to JSON text rather than through `JSONEncoder`: lists of 50 transactions are the hottest path of
/// SEP-24, and the encoder's generic machinery cost several times the whole rest of the response.
struct TransactionObject: Sendable {
    let transaction: Transaction
    let moreInfoURL: String

    init(_ transaction: Transaction, moreInfoURL: String) {
        self.transaction = transaction
        self.moreInfoURL = moreInfoURL
    }

    /// `{"id": …, …}`.
    var json: String {
        var out = JSONObjectText()
        self.write(to: &out)
        return out.finish()
    }

    func write(to out: inout JSONObjectText) {
        let tx = self.transaction
        out.string("id", tx.id)
        out.string("kind", tx.kind == .deposit ? "deposit" : "withdrawal")
        out.string("status", tx.status.rawValue)
        out.number("status_eta", tx.statusEta.map(String.init))
        out.bool("kyc_verified", tx.kycVerified)
        out.string("more_info_url", self.moreInfoURL)
        out.string("amount_in", tx.amountIn?.description)
        out.string("amount_in_asset", tx.amountInAsset)
        out.string("amount_out", tx.amountOut?.description)
        out.string("amount_out_asset", tx.amountOutAsset)
        out.string("amount_fee", tx.amountFee?.description)
        out.string("amount_fee_asset", tx.amountFeeAsset)
        // SEP-24 calls the parts `breakdown` (SEP-6 and SEP-31 say `details`).
        out.feeDetails(tx.feeDetails, partsKey: "breakdown")
        out.string("quote_id", tx.quoteID)
        out.string("started_at", UTCTimestamp.format(tx.startedAt))
        out.string("updated_at", UTCTimestamp.format(tx.updatedAt))
        out.string("completed_at", tx.completedAt.map(UTCTimestamp.format))
        out.string("user_action_required_by", tx.userActionRequiredBy.map(UTCTimestamp.format))
        out.string("stellar_transaction_id", tx.stellarTransactionID)
        out.string("external_transaction_id", tx.externalTransactionID)
        out.string("message", tx.message)
        out.bool("refunded", tx.refunded)
        out.refunds(tx.refunds)
        if tx.kind == .deposit {
            out.string("from", tx.from)
            out.string("to", tx.to ?? SEP10Subject.walletAccount(of: tx.sub))
            out.string("deposit_memo", tx.depositMemo)
            out.string("deposit_memo_type", tx.depositMemoType?.rawValue)
            out.string("claimable_balance_id", tx.claimableBalanceID)
        } else {
            out.string("from", tx.from ?? SEP10Subject.walletAccount(of: tx.sub))
            out.string("to", tx.to)
            out.string("withdraw_anchor_account", tx.withdrawAnchorAccount)
            out.string("withdraw_memo", tx.withdrawMemo)
            out.string("withdraw_memo_type", tx.withdrawMemoType?.rawValue)
        }
    }

    /// `{"transaction": {...}}`, the body of `GET /transaction` and of callbacks.
    static func single(_ object: TransactionObject) -> String {
        var out = JSONObjectText()
        out.object("transaction") { object.write(to: &$0) }
        return out.finish()
    }
}
