import CapstanCore
import CapstanHTTP

/// The SEP-6 transaction object ("Transaction History", "Single Historical Transaction"), as `GET /transaction(s)`,
/// `PATCH /transactions/:id` and `on_change_callback` send it.
///
/// Absent values are left out rather than sent as `null`, except `to` on deposits and `from` on withdrawals, which
/// the anchor test suite requires as keys: they fall back to the owner's address. `fee_details` names its parts
/// `details` (SEP-6 and SEP-31; SEP-24 says `breakdown`).
enum TransactionJSON {
    /// `{"transaction": {...}}`.
    static func single(_ transaction: Transaction) -> String {
        var out = JSONObjectText()
        out.object("transaction") { Self.write(transaction, to: &$0) }
        return out.finish()
    }

    /// One transaction object, `{...}`, as `GET /transactions` lists it.
    static func object(_ transaction: Transaction) -> String {
        var out = JSONObjectText()
        Self.write(transaction, to: &out)
        return out.finish()
    }

    static func write(_ tx: Transaction, to out: inout JSONObjectText) {
        out.string("id", tx.id)
        out.string("kind", tx.kind.rawValue)
        out.string("status", tx.status.rawValue)
        out.number("status_eta", tx.statusEta.map(String.init))
        out.string("more_info_url", tx.moreInfoURL)
        out.string("amount_in", tx.amountIn?.description)
        out.string("amount_in_asset", tx.amountInAsset)
        out.string("amount_out", tx.amountOut?.description)
        out.string("amount_out_asset", tx.amountOutAsset)
        out.string("amount_fee", tx.amountFee?.description)
        out.string("amount_fee_asset", tx.amountFeeAsset)
        out.feeDetails(tx.feeDetails, partsKey: "details")
        out.string("quote_id", tx.quoteID)
        let deposit = tx.kind == .deposit || tx.kind == .depositExchange
        out.string("from", tx.from ?? (deposit ? nil : SEP10Subject.walletAccount(of: tx.sub)))
        out.string("to", tx.to ?? (deposit ? SEP10Subject.walletAccount(of: tx.sub) : nil))
        out.string("external_extra", tx.externalExtra)
        out.string("external_extra_text", tx.externalExtraText)
        if deposit {
            out.string("deposit_memo", tx.depositMemo)
            out.string("deposit_memo_type", tx.depositMemoType?.rawValue)
            out.string("claimable_balance_id", tx.claimableBalanceID)
        } else {
            out.string("withdraw_anchor_account", tx.withdrawAnchorAccount)
            out.string("withdraw_memo", tx.withdrawMemo)
            out.string("withdraw_memo_type", tx.withdrawMemoType?.rawValue)
        }
        out.string("started_at", UTCTimestamp.format(tx.startedAt))
        out.string("updated_at", UTCTimestamp.format(tx.updatedAt))
        out.string("completed_at", tx.completedAt.map(UTCTimestamp.format))
        out.string("user_action_required_by", tx.userActionRequiredBy.map(UTCTimestamp.format))
        out.string("stellar_transaction_id", tx.stellarTransactionID)
        out.string("external_transaction_id", tx.externalTransactionID)
        out.string("message", tx.message)
        out.bool("refunded", tx.refunded)
        out.refunds(tx.refunds)
        Self.writeRequests(tx, to: &out)
        if let instructions = tx.instructions, Self.showsInstructions(tx.status) {
            out.object("instructions") { object in
                for (name, instruction) in instructions.sorted(by: { $0.key < $1.key }) {
                    object.object(name) { entry in
                        entry.string("value", instruction.value)
                        entry.string("description", instruction.description)
                    }
                }
            }
        }
    }

    /// What the anchor asks of the wallet. `required_info_updates` lists the fields of a PATCH while the status is
    /// `pending_transaction_info_update`, and the SEP-12 fields while it is `pending_customer_info_update`; the
    /// latter also go out under the older `required_customer_info_updates` name that wallets still read.
    private static func writeRequests(_ tx: Transaction, to out: inout JSONObjectText) {
        guard [.pendingTransactionInfoUpdate, .pendingCustomerInfoUpdate].contains(tx.status) else { return }
        out.string("required_info_message", tx.requiredInfoMessage)
        guard let updates = tx.requiredInfoUpdates, !updates.isEmpty else { return }
        out.object("required_info_updates") { object in
            for (name, field) in updates.sorted(by: { $0.key < $1.key }) {
                object.object(name) { entry in
                    entry.string("description", field.description)
                    entry.bool("optional", field.optional)
                    entry.strings("choices", field.choices)
                }
            }
        }
        if tx.status == .pendingCustomerInfoUpdate {
            out.strings("required_customer_info_updates", updates.keys.sorted())
        }
    }

    /// SEP-6: `instructions` "should only be populated once the transaction reaches `pending_user_transfer_start`";
    /// before that (KYC pending) the user must not pay yet.
    static func showsInstructions(_ status: TransactionStatus) -> Bool {
        ![.incomplete, .pendingCustomerInfoUpdate].contains(status)
    }
}

/// Renders SEP-6 wallet callbacks: "The JSON message should be identical to the response format for the
/// /transaction endpoint" (SEP-6 `on_change_callback`).
public struct SEP6Presenter: TransactionPresenter {
    public init() {}

    public func callbackBody(for transaction: Transaction) throws -> [UInt8] {
        Array(TransactionJSON.single(transaction).utf8)
    }
}
