/// Every status a SEP-6, SEP-24 or SEP-31 transaction can be in, spelled as the SEPs spell them.
///
/// Which statuses a given protocol and kind may use, and which transitions are allowed, is the state
/// machine's business, not this type's.
public enum TransactionStatus: String, Sendable, Codable, CaseIterable {
    /// Not enough information yet to start (SEP-24 before the interactive flow finishes; SEP-6).
    case incomplete
    /// Waiting for the user to send funds to the anchor.
    case pendingUserTransferStart = "pending_user_transfer_start"
    /// Withdrawal: the Stellar payment arrived and off-chain funds are ready for the user to collect.
    case pendingUserTransferComplete = "pending_user_transfer_complete"
    /// Submitted to an external network, not yet confirmed.
    case pendingExternal = "pending_external"
    /// The anchor is processing.
    case pendingAnchor = "pending_anchor"
    /// A Stellar transaction was submitted, not yet confirmed.
    case pendingStellar = "pending_stellar"
    /// Deposit: the user must add a trustline for the asset.
    case pendingTrust = "pending_trust"
    /// The user must act (e.g. two-factor confirmation).
    case pendingUser = "pending_user"
    /// SEP-12 customer information must be updated (SEP-6, SEP-31).
    case pendingCustomerInfoUpdate = "pending_customer_info_update"
    /// Transaction fields must be updated through PATCH (SEP-6, deprecated in SEP-31).
    case pendingTransactionInfoUpdate = "pending_transaction_info_update"
    /// SEP-31: waiting for the sending anchor's payment.
    case pendingSender = "pending_sender"
    /// SEP-31: the receiving anchor is processing.
    case pendingReceiver = "pending_receiver"
    /// Funds received; held for compliance review.
    case onHold = "on_hold"
    /// Done: funds delivered.
    case completed
    /// Funds returned to the user (see `refunds`).
    case refunded
    /// Funds never arrived in time (or the quote expired).
    case expired
    /// Exchange: no market for the pair.
    case noMarket = "no_market"
    /// Below the minimum amount.
    case tooSmall = "too_small"
    /// Above the maximum amount.
    case tooLarge = "too_large"
    /// Failed; `message` says why.
    case error
}
