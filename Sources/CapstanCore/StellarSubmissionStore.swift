/// Persistence of signed Stellar envelopes, tied to the status of their transaction. Each method is one database
/// transaction, so an envelope never exists without its transaction being in `pending_stellar`, and a transaction
/// never leaves `pending_stellar` without its envelope's fate being written.
public protocol StellarSubmissionStore: Sendable {
    /// Applies `steps` in order (each checked by the state machine, each status move recorded), reserves a sequence
    /// number for `sourceAccount`, signs with it and the transaction as just changed (so the envelope pays what is
    /// stored), and stores the envelope, all in one database transaction. The last step must leave the transaction
    /// in `pending_stellar`; `expectedVersion` guards the first.
    ///
    /// The sequence is one above both `ledgerSequence` (the account's sequence as the ledger last showed it) and
    /// every `pending` envelope of the account, so envelopes signed concurrently (by any instance) never share one.
    /// `voiding`, when given, is a pending envelope of the same transaction known never to land: it is voided first,
    /// so its sequence number may be reused (which also guarantees that at most one of the two can ever apply).
    /// - Returns: the transaction as stored and the new submission.
    func recordSubmission(
        transactionID: String, expectedVersion: Int64?, purpose: StellarSubmission.Purpose, sourceAccount: String,
        ledgerSequence: Int64, voiding: String?,
        sign: @Sendable (_ sequence: Int64, _ transaction: Transaction) throws -> SignedEnvelope,
        steps: [TransactionChange]
    ) async throws -> (Transaction, StellarSubmission)

    /// Every envelope made for the transaction, oldest first.
    func submissions(transactionID: String) async throws -> [StellarSubmission]
    /// The transaction's envelope that may still land, if any.
    func pendingSubmission(transactionID: String) async throws -> StellarSubmission?
    /// Notes a (re)submission attempt.
    func markSubmitted(hash: String) async throws
    /// Records a pending envelope's fate and changes its transaction in the same database transaction.
    /// Throws `StoreError.conflict` if the envelope is no longer pending (another worker resolved it).
    func resolveSubmission(
        hash: String, state: StellarSubmission.State, result: String?, cause: String,
        _ change: @Sendable (inout Transaction) throws -> Void
    ) async throws -> Transaction
}

/// Worker-side transaction queries the wallet-facing `TransactionStore` does not offer.
public protocol WorkerTransactionStore: Sendable {
    /// Applies `steps` to one transaction in order, in one database transaction, each through the state machine
    /// (e.g. `pending_user_transfer_start` → `pending_anchor` → `pending_trust`, which no single move allows).
    func update(id: String, expectedVersion: Int64?, steps: [TransactionChange]) async throws -> Transaction
    /// The withdrawal a payment to `anchorAccount` with `memo` pays, whoever owns it.
    func withdrawal(anchorAccount: String, memo: String) async throws -> Transaction?
    /// Keeps `worker`'s claim on the transaction until `seconds` from now (e.g. a retry back-off); false if it
    /// no longer holds it.
    @discardableResult
    func extendClaim(id: String, worker: String, seconds: Int) async throws -> Bool
}

/// Durable stream positions (Horizon paging tokens) per followed account, leased so that one watcher at a time
/// follows each stream.
public protocol LedgerCursorStore: Sendable {
    /// Takes (or renews) the lease on `stream` for `worker`. Returns the stored position (nil cursor: none yet),
    /// or nil when another worker's lease is running.
    func acquire(stream: String, worker: String, leaseSeconds: Int) async throws -> LedgerCursorLease?
    /// Stores `cursor` if `worker` still holds the lease; false otherwise.
    @discardableResult
    func advance(stream: String, to cursor: String, worker: String) async throws -> Bool
    /// The stored position, for operators and tests.
    func cursor(stream: String) async throws -> String?
    /// Ends `worker`'s lease on `stream` now (a graceful stop), so a restarted watcher need not wait for it to run out.
    func release(stream: String, worker: String) async throws
}

/// A held stream lease and where the stream stood.
public struct LedgerCursorLease: Sendable, Equatable {
    public var cursor: String?

    public init(cursor: String?) {
        self.cursor = cursor
    }
}

/// One change to a transaction and why it was made: a step of a multi-step update.
public struct TransactionChange: Sendable {
    public var cause: String
    public var apply: @Sendable (inout Transaction) throws -> Void

    public init(cause: String, _ apply: @escaping @Sendable (inout Transaction) throws -> Void) {
        self.cause = cause
        self.apply = apply
    }

    /// A step that only moves the status.
    public static func status(_ status: TransactionStatus, cause: String) -> TransactionChange {
        TransactionChange(cause: cause) { $0.status = status }
    }
}
