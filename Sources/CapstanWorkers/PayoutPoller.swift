import CapstanCore

/// `poll-outgoing`: asks `rails_poll_payouts` which payouts in `pending_external` settled, and completes them
/// (or sends the failed ones to `error`).
public struct PayoutPoller: MoneyWorker {
    public let name = "poll-outgoing"
    let context: WorkerContext

    public init(context: WorkerContext) {
        self.context = context
    }

    @discardableResult
    public func runOnce() async throws -> Int {
        let claimed = try await self.context.transactions.claim(
            status: .pendingExternal, kinds: PayoutWorker.kinds, limit: self.context.batchSize,
            leaseSeconds: self.context.leaseSeconds, worker: self.context.workerID)
        guard !claimed.isEmpty else { return 0 }
        let poll: PayoutPoll
        do {
            poll = try await self.context.rails.pollPayouts(claimed)
        } catch {
            for transaction in claimed { await self.context.release(transaction.id) }
            if error == .unimplemented { return 0 }
            throw error
        }
        let completed = Dictionary(poll.completed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let failed = Dictionary(poll.failed.map { ($0.id, $0.message) }, uniquingKeysWith: { first, _ in first })
        await self.context.each(claimed, worker: self.name) { transaction in
            if let settled = completed[transaction.id] {
                _ = try await self.context.workerTransactions.update(id: transaction.id, expectedVersion: transaction.version, steps: [
                    TransactionChange(cause: "rails: payout settled") { updated in
                        updated.status = .completed
                        if let external = settled.externalTransactionID { updated.externalTransactionID = external }
                    },
                ])
            } else if let message = failed[transaction.id] {
                _ = try await self.context.workerTransactions.update(
                    id: transaction.id, expectedVersion: transaction.version, steps: [DepositPayer.failure(message)])
            }
            return .release
        }
        return claimed.count
    }
}
