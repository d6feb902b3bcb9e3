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
        if let details = tx.feeDetails {
            // SEP-24 calls the parts `breakdown` (SEP-6 and SEP-31 say `details`).
            out.object("fee_details") { fee in
                fee.string("total", details.total.description)
                fee.string("asset", details.asset)
                if let parts = details.details {
                    fee.array("breakdown", parts) { part, item in
                        item.string("name", part.name)
                        item.string("description", part.description)
                        item.string("amount", part.amount.description)
                    }
                }
            }
        }
        out.string("quote_id", tx.quoteID)
        out.string("started_at", UTCTimestamp.format(tx.startedAt))
        out.string("updated_at", UTCTimestamp.format(tx.updatedAt))
        out.string("completed_at", tx.completedAt.map(UTCTimestamp.format))
        out.string("user_action_required_by", tx.userActionRequiredBy.map(UTCTimestamp.format))
        out.string("stellar_transaction_id", tx.stellarTransactionID)
        out.string("external_transaction_id", tx.externalTransactionID)
        out.string("message", tx.message)
        out.bool("refunded", tx.refunded)
        if let refunds = tx.refunds {
            out.object("refunds") { object in
                object.string("amount_refunded", refunds.amountRefunded.description)
                object.string("amount_fee", refunds.amountFee.description)
                object.array("payments", refunds.payments) { payment, item in
                    item.string("id", payment.id)
                    item.string("id_type", payment.idType.rawValue)
                    item.string("amount", payment.amount.description)
                    item.string("fee", payment.fee.description)
                }
            }
        }
        if tx.kind == .deposit {
            out.string("from", tx.from)
            out.string("to", tx.to ?? Self.owner(tx.sub))
            out.string("deposit_memo", tx.depositMemo)
            out.string("deposit_memo_type", tx.depositMemoType?.rawValue)
            out.string("claimable_balance_id", tx.claimableBalanceID)
        } else {
            out.string("from", tx.from ?? Self.owner(tx.sub))
            out.string("to", tx.to)
            out.string("withdraw_anchor_account", tx.withdrawAnchorAccount)
            out.string("withdraw_memo", tx.withdrawMemo)
            out.string("withdraw_memo_type", tx.withdrawMemoType?.rawValue)
        }
    }

    /// The owner's address (`M…` or `G…`): the fallback for a `to`/`from` that was never recorded.
    static func owner(_ sub: String) -> String {
        let subject = SEP10Subject(sub)
        return subject?.muxedAccount ?? subject?.account ?? sub
    }

    /// `{"transaction": {...}}`, the body of `GET /transaction` and of callbacks.
    static func single(_ object: TransactionObject) -> String {
        var out = JSONObjectText()
        out.object("transaction") { object.write(to: &$0) }
        return out.finish()
    }

    /// `{"transactions": [...]}`.
    static func list(_ objects: [TransactionObject]) -> String {
        var out = JSONObjectText(capacity: 1200 * objects.count + 32)
        out.array("transactions", objects) { object, item in object.write(to: &item) }
        return out.finish()
    }
}

/// Appends one JSON object's members to a string; absent (nil) members are skipped. Keys are trusted ASCII literals.
struct JSONObjectText {
    private(set) var text: String
    private var empty = true

    init(capacity: Int = 1024) {
        self.text = "{"
        self.text.reserveCapacity(capacity)
    }

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        Self.appendQuoted(value, to: &self.text)
    }

    mutating func bool(_ key: String, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        self.text += value ? "true" : "false"
    }

    /// A member whose value is already JSON number text.
    mutating func number(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        self.text += value
    }

    mutating func object(_ key: String, _ body: (inout JSONObjectText) -> Void) {
        self.key(key)
        self.nested(body)
    }

    mutating func array<Element>(_ key: String, _ elements: [Element], _ body: (Element, inout JSONObjectText) -> Void) {
        self.key(key)
        self.text += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { self.text += "," }
            self.nested { body(element, &$0) }
        }
        self.text += "]"
    }

    /// The finished object's text.
    mutating func finish() -> String {
        self.text += "}"
        return self.text
    }

    /// Writes a nested object into this same buffer, so nothing is copied.
    private mutating func nested(_ body: (inout JSONObjectText) -> Void) {
        var inner = JSONObjectText(taking: self.text)
        self.text = ""
        body(&inner)
        self.text = inner.finish()
    }

    private init(taking text: String) {
        self.text = text
        self.text += "{"
    }

    private mutating func key(_ key: String) {
        if !self.empty { self.text += "," }
        self.empty = false
        self.text += "\""
        self.text += key
        self.text += "\":"
    }

    /// `"…"` with JSON escapes; the common case (nothing to escape) is one scan and one append.
    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += value
        } else {
            text += JSONWriter.quoted(value).dropFirst().dropLast()
        }
        text += "\""
    }
}
