#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The durable outbox of wallet callbacks. Rows are added by `TransactionStore.update` in the same database
/// transaction as the status change they report; a dispatcher drains them. All delivery state lives in the
/// rows, so a restarted dispatcher carries on where the last one stopped.
public protocol CallbackOutboxStore: Sendable {
    /// Callbacks ready to send at `now`: for each (transaction, URL) only the oldest one neither delivered nor
    /// given up, and only if its `nextAttemptAt` has come, so a later status is never delivered before an earlier
    /// one. At most `limit`, oldest first. When `leaseUntil` is given, the returned rows' `nextAttemptAt` moves to
    /// it in the same database transaction, so another dispatcher does not send them at the same time (and a
    /// dispatcher that dies mid-send has them retried after the lease).
    func due(limit: Int, now: Date, leaseUntil: Date?) async throws -> [CallbackDelivery]
    /// Records a successful delivery (counts the attempt).
    func markDelivered(id: Int64, at: Date) async throws
    /// Records a failed attempt: why, and when to try again; `giveUp` stops all further attempts.
    func markFailed(id: Int64, error: String, nextAttemptAt: Date, giveUp: Bool) async throws
    /// Every callback of the transaction not yet delivered or given up, oldest first.
    func pending(transactionID: String) async throws -> [CallbackDelivery]
    /// Every callback of the transaction, whatever its state, oldest first (for operators and tests).
    func all(transactionID: String) async throws -> [CallbackDelivery]
}

extension CallbackOutboxStore {
    /// Callbacks ready to send at `now`, without leasing them.
    public func due(limit: Int, now: Date) async throws -> [CallbackDelivery] {
        try await self.due(limit: limit, now: now, leaseUntil: nil)
    }
}
