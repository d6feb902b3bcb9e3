import CapstanHTTP

/// Who a SEP-12 request is about, decided by the JWT `sub` (SEP-12 "Authentication", "Shared, Omnibus, or Pooled
/// Accounts"): a deprecated `account` must name the authenticated account; a `sub` with a memo (or a muxed `sub`)
/// fixes the memo; a plain `G…` may name any memo, so a sending anchor can register its own users.
struct CustomerIdentity: Sendable, Equatable {
    init(owner: String, memo: String?) {
        self.owner = owner
        self.memo = memo
    }

    /// The owner key records are scoped by: the `sub`, or `G…:<memo>` for a memo a plain account chose.
    let owner: String
    /// The memo to hand to the plugin, when there is one.
    let memo: String?

    init(claims: SEP10Claims, account: String?, memo: String?) throws(SEPError) {
        if let account, !account.isEmpty, account != claims.account, account != claims.owner, account != claims.muxedAccount {
            throw SEPError(status: .forbidden, message: "account does not match the authenticated account")
        }
        let memo = memo.flatMap { $0.isEmpty ? nil : $0 }
        let fixed = claims.memo ?? SEP10Subject(claims.subject)?.muxedID
        if let fixed {
            if let memo, memo != String(fixed) {
                throw SEPError(status: .forbidden, message: "memo does not match the authenticated memo")
            }
            self.owner = claims.owner
            self.memo = String(fixed)
        } else if let memo {
            // A plain account naming a memo: only id memos make a `G…:<id>` key distinct from any other spelling.
            guard let value = UInt64(memo), String(value) == memo else {
                throw SEPError.badRequest("memo must be an id memo (an unsigned 64-bit integer)")
            }
            self.owner = "\(claims.owner):\(memo)"
            self.memo = memo
        } else {
            self.owner = claims.owner
            self.memo = nil
        }
    }
}
