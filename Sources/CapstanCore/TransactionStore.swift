/// Persistence for SEP-6/24/31 transactions. Each method is one database transaction.
///
/// Status changes only through `update`, which runs `TransactionStateMachine` and records the change in the
/// history and the wallet-callback outbox in the same database transaction.
public protocol TransactionStore: Sendable {
    /// Adds a new transaction and its first history row (from nothing to its status). An existing `id`, or an
    /// `(withdraw_anchor_account, withdraw_memo)` pair already in use, throws `StoreError.duplicate`; a status
    /// the kind or protocol never uses throws `TransitionError` (with no `from`). Creation enqueues no wallet
    /// callback: the wallet that created it holds the answer (SEP-31: not needed for the initial `pending_sender`).
    func insert(_ transaction: Transaction) async throws
    /// `insert` for a withdrawal whose memo the anchor assigns: `withdraw_anchor_account` becomes `account` and
    /// `withdraw_memo` its next free id memo, in the same database transaction, so the withdrawal never exists
    /// without the memo its payment will be matched by. Another kind throws `TransactionUpdateError.notAWithdrawal`.
    func insertWithdrawal(_ transaction: Transaction, memoAccount account: String) async throws -> Transaction
    /// The transaction with this id, whoever owns it: for workers and operators. Wallet-facing code uses
    /// `transaction(id:owner:)`.
    func transaction(id: String) async throws -> Transaction?
    /// The newest `limit` transactions of exactly this SEP-10 subject (`G…`, `G…:memo` or `M…`), newest first.
    func transactions(owner sub: String, limit: Int) async throws -> [Transaction]

    // MARK: wallet-scoped lookups

    /// The transaction with this id if `owner` is exactly its `sub`; another subject, even the same `G…` with
    /// another memo, gets nil.
    func transaction(id: String, owner: String) async throws -> Transaction?
    /// The owner's newest transaction with this Stellar transaction hash, or nil.
    func transaction(stellarTransactionID: String, owner: String) async throws -> Transaction?
    /// The owner's newest transaction with this off-chain reference, or nil.
    func transaction(externalTransactionID: String, owner: String) async throws -> Transaction?
    /// The owner's transactions matching `query`, newest first by `started_at`, then by `id` (descending).
    func transactions(owner: String, query: TransactionQuery) async throws -> [Transaction]
    /// The id and version of each transaction `transactions(owner:query:)` would return, in the same order: lets a
    /// reader that keeps rendered transactions by version load only the ones that changed.
    func transactionVersions(owner: String, query: TransactionQuery) async throws -> [TransactionVersion]
    /// Those of `ids` that exactly `owner` owns, in no particular order; other ids are left out.
    func transactions(ids: [String], owner: String) async throws -> [Transaction]

    // MARK: changes

    /// Changes one transaction in one database transaction and returns it as stored.
    ///
    /// Loads the row, applies `change`, and refuses: a missing row (`StoreError.notFound`); a version other than
    /// `expectedVersion` when one is given, or a concurrent writer (`StoreError.conflict`); a change to `id`,
    /// `sub`, `kind`, `protocol` or `version` (`TransactionUpdateError`); a status move the state machine does not
    /// allow (`TransitionError`). Any error thrown by `change` also aborts it. Nothing is written unless all pass.
    ///
    /// The store owns `version` (+1), `updated_at` (now) and `completed_at` (set on entering `completed` or
    /// `refunded`, as SEP-24 defines it: "reaching `completed` or `refunded` status"). When the status changes it
    /// appends a history row with `cause`, and enqueues the wallet callbacks in the outbox.
    func update(
        id: String, expectedVersion: Int64?, cause: String, _ change: @Sendable (inout Transaction) throws -> Void
    ) async throws -> Transaction
    /// Every status the transaction entered, oldest first; empty for an unknown id.
    func history(id: String) async throws -> [TransactionStatusChange]
    /// Gives a withdrawal its payment memo: an `id` memo from a per-account counter, unique for `account`, set
    /// with `withdraw_anchor_account` and `withdraw_memo_type` "id". Asking again for the same account returns the
    /// transaction unchanged. Safe under any concurrency (the counter is bumped inside the write transaction).
    func assignWithdrawMemo(id: String, account: String) async throws -> Transaction

    // MARK: workers

    /// Leases up to `limit` unclaimed (or lease-expired) transactions in `status` of one of `kinds` to `worker`
    /// for `leaseSeconds`, oldest update first. Two callers never get the same row while a lease runs.
    func claim(status: TransactionStatus, kinds: [TransactionKind], limit: Int, leaseSeconds: Int, worker: String) async throws
        -> [Transaction]
    /// Ends `worker`'s lease on the transaction early; returns false if `worker` did not hold it.
    @discardableResult
    func release(id: String, worker: String) async throws -> Bool
}
