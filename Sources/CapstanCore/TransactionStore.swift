/// Persistence for SEP-6/24/31 transactions. Each method is one database transaction.
///
/// Minimal for now: status changes go through the state machine, which extends this port.
public protocol TransactionStore: Sendable {
    /// Adds a new transaction; an existing `id`, or an `(withdraw_anchor_account, withdraw_memo)` pair
    /// already in use, throws `StoreError.duplicate`.
    func insert(_ transaction: Transaction) async throws
    /// The transaction with this id, whoever owns it (callers check `sub`).
    func transaction(id: String) async throws -> Transaction?
    /// The newest `limit` transactions of exactly this SEP-10 subject (`G…`, `G…:memo` or `M…`), newest first.
    func transactions(owner sub: String, limit: Int) async throws -> [Transaction]
}
