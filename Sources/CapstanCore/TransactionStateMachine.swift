/// The one authority on transaction status: which statuses a kind of transaction uses and which moves between
/// them are allowed. The store's update path asks it before every status change; nothing else writes status.
///
/// The table below is derived from the status definitions of SEP-24 ("`status` should be one of"), SEP-6
/// ("Transaction Statuses") and SEP-31 ("Transaction Object"), read as a flow diagram. Its rules, and why:
///
/// - **Terminal.** `completed`, `refunded` and `expired` never change again: a wallet that saw one of them has
///   finished, and money was either delivered, returned, or never received.
/// - **`incomplete` only leaves forward.** SEP-24: "there is not yet enough information for this transaction to be
///   initiated"; once the anchor has that information it never un-learns it, so nothing moves back to it.
/// - **Failures** (`error`, `no_market`, `too_small`, `too_large`): `error` can be reached from every live status
///   (SEP-24: "catch-all for any error not enumerated above"), the others wherever an amount or market is still
///   being checked. They are not terminal, because funds may already be in the anchor's
///   hands. Two operator paths leave them, and only these: back to the processing status (`pending_anchor`;
///   `pending_receiver` for SEP-31) after the cause was fixed — the Anchor Platform's `notify_transaction_recovery`
///   — or to `refunded` once the money was returned. Recovering from `expired` is not allowed: it is terminal.
/// - **`expired`** means "funds were never received by the anchor" (SEP-24), so only statuses *before* the funds
///   arrive may expire: `incomplete`, `pending_user_transfer_start`, `pending_user`, the two info-update statuses
///   and SEP-31 `pending_sender`.
/// - **`refunded`** needs received funds, so it is reachable from statuses after funds arrived.
/// - **Holds** (`on_hold`, `pending_user`, `pending_customer_info_update`, `pending_transaction_info_update`)
///   return to the regular flow: SEP-24 `on_hold`: "Once this status cleared, transaction should follow the regular
///   flow"; SEP-6 PATCH: the status "goes back to `pending_anchor`".
/// - **Per kind.** Deposits use `pending_trust` but not `pending_user_transfer_complete` ("Only used for withdrawal
///   transactions"); SEP-31 receives use `pending_sender`/`pending_receiver` and none of the SEP-6/24 user statuses.
/// - **Per protocol.** SEP-24 has no `pending_customer_info_update` or `pending_transaction_info_update`.
/// - A status "changing" to itself is not a transition: it is allowed whenever the status belongs to the kind.
public enum TransactionStateMachine {
    /// Whether a transaction of `kind` may move from `from` to `to`.
    public static func allows(from: TransactionStatus, to: TransactionStatus, kind: TransactionKind) -> Bool {
        let flow = Flow(kind)
        guard flow.statuses.contains(from), flow.statuses.contains(to) else { return false }
        if from == to { return true }
        return flow.table[from]?.contains(to) ?? false
    }

    /// Whether a transaction of `kind`, created through `protocol`, may move from `from` to `to`.
    public static func allows(
        from: TransactionStatus, to: TransactionStatus, kind: TransactionKind, protocol: TransactionProtocol
    ) -> Bool {
        self.uses(to, kind: kind, protocol: `protocol`) && self.allows(from: from, to: to, kind: kind)
    }

    /// Throws `TransitionError` unless a transaction of `kind` (and `protocol`, when given) may move from `from` to `to`.
    public static func check(
        from: TransactionStatus, to: TransactionStatus, kind: TransactionKind, protocol: TransactionProtocol? = nil
    ) throws(TransitionError) {
        let allowed = if let `protocol` { self.allows(from: from, to: to, kind: kind, protocol: `protocol`) }
            else { self.allows(from: from, to: to, kind: kind) }
        guard allowed else { throw TransitionError(from: from, to: to, kind: kind, protocol: `protocol`) }
    }

    /// Throws `TransitionError` (with no `from`) unless a new transaction of `kind` may be stored in `status`.
    public static func checkInitial(
        _ status: TransactionStatus, kind: TransactionKind, protocol: TransactionProtocol
    ) throws(TransitionError) {
        guard self.uses(status, kind: kind, protocol: `protocol`) else {
            throw TransitionError(from: nil, to: status, kind: kind, protocol: `protocol`)
        }
    }

    /// Whether a transaction of `kind` created through `protocol` ever shows `status`.
    public static func uses(_ status: TransactionStatus, kind: TransactionKind, protocol: TransactionProtocol) -> Bool {
        guard Flow(kind).statuses.contains(status) else { return false }
        switch `protocol` {
        case .sep24:
            // SEP-24 lists neither info-update status, and has no exchange or receive kinds.
            return [.deposit, .withdrawal].contains(kind)
                && status != .pendingCustomerInfoUpdate && status != .pendingTransactionInfoUpdate
        case .sep6:
            return kind != .receive
        case .sep31:
            return kind == .receive
        }
    }

    /// Statuses that never change again.
    public static let terminal: Set<TransactionStatus> = [.completed, .refunded, .expired]

    /// Statuses that end the flow unsuccessfully but may be recovered by an operator (see the type's rules).
    public static let failures: Set<TransactionStatus> = [.error, .noMarket, .tooSmall, .tooLarge]

    /// Every allowed move for `kind`, as (from, to) pairs; for documentation and tests.
    public static func transitions(kind: TransactionKind) -> [(from: TransactionStatus, to: TransactionStatus)] {
        let flow = Flow(kind)
        return TransactionStatus.allCases.flatMap { from in
            TransactionStatus.allCases.filter { flow.table[from]?.contains($0) ?? false }.map { (from: from, to: $0) }
        }
    }
}
