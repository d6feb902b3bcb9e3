import CapstanCore
import Logging
import Synchronization

/// `outgoing`: hands withdrawals whose Stellar payment arrived to `rails_send_payout`, then records
/// `pending_external` or `completed` as the rail answers. A transient failure is retried after a growing pause
/// with the same idempotency key; a fatal one sends the withdrawal to `error` with the rail's message.
public final class PayoutWorker: MoneyWorker {
    public let name = "outgoing"
    let context: WorkerContext
    let backoff: CallbackBackoff
    /// How long a withdrawal whose Stellar payment has not been seen is left alone before it is looked at again, so
    /// that a crowd of them (waiting for KYC, say) cannot keep the received ones from being claimed.
    let recheckSeconds: Int
    /// Transient failures per transaction in this process; the pause itself is stored (as the claim's lease), so
    /// a restart only resets how long the next pause is.
    private let attempts = Mutex<[String: Int]>([:])

    static let kinds: [TransactionKind] = [.withdrawal, .withdrawalExchange]

    public init(context: WorkerContext, backoff: CallbackBackoff = CallbackBackoff(), recheckSeconds: Int = 30) {
        self.context = context
        self.backoff = backoff
        self.recheckSeconds = max(0, recheckSeconds)
    }

    @discardableResult
    public func runOnce() async throws -> Int {
        let claimed = try await self.context.transactions.claim(
            status: .pendingAnchor, kinds: Self.kinds, limit: self.context.batchSize, leaseSeconds: self.context.leaseSeconds,
            worker: self.context.workerID)
        await self.context.each(claimed, worker: self.name) { transaction in
            // Only withdrawals whose Stellar payment was seen: pending_anchor also covers checks before it arrives.
            guard transaction.stellarTransactionID != nil else {
                guard self.recheckSeconds > 0 else { return .release }
                try await self.context.workerTransactions.extendClaim(
                    id: transaction.id, worker: self.context.workerID, seconds: self.recheckSeconds)
                return .keep
            }
            return try await self.payOut(transaction)
        }
        return claimed.count
    }

    private func payOut(_ transaction: Transaction) async throws -> ReleaseChoice {
        guard let amount = transaction.amountOut ?? transaction.amountIn, amount.units > 0 else {
            _ = try await self.context.workerTransactions.update(
                id: transaction.id, expectedVersion: transaction.version, steps: [DepositPayer.failure("the withdrawal has no amount to pay out")])
            return .release
        }
        let key = try await self.idempotencyKey(transaction)
        let request = PayoutRequest(transaction: transaction, amount: amount, assetCode: transaction.assetCode, to: transaction.to)
        let result: PayoutResult
        do {
            result = try await self.context.rails.sendPayout(request, idempotencyKey: key)
        } catch {
            switch error {
            case .transient(let message):
                let attempt = self.attempts.withLock { attempts in
                    attempts[transaction.id, default: 0] += 1
                    return attempts[transaction.id] ?? 1
                }
                let pause = self.backoff.delay(afterAttempt: attempt)
                self.context.logger.info("payout failed transiently; will retry with the same key", metadata: [
                    "transaction_id": "\(transaction.id)", "attempt": "\(attempt)", "message": "\(message)",
                ])
                try await self.context.workerTransactions.extendClaim(
                    id: transaction.id, worker: self.context.workerID, seconds: Int(pause.components.seconds))
                return .keep
            case .fatal(let message):
                _ = try await self.context.workerTransactions.update(
                    id: transaction.id, expectedVersion: transaction.version, steps: [DepositPayer.failure(message)])
                return .release
            case .unimplemented:
                self.context.logger.warning("no rails plugin pays out withdrawals", metadata: ["transaction_id": "\(transaction.id)"])
                return .release
            }
        }
        self.attempts.withLock { $0[transaction.id] = nil }
        let status: TransactionStatus = result.status == .completed ? .completed : .pendingExternal
        _ = try await self.context.workerTransactions.update(id: transaction.id, expectedVersion: transaction.version, steps: [
            TransactionChange(cause: "rails: payout \(result.status.rawValue)") { updated in
                updated.status = status
                if let external = result.externalTransactionID { updated.externalTransactionID = external }
                if let message = result.message { updated.message = message }
            },
        ])
        return .release
    }

    /// Stable while the same payout step is retried, different once the withdrawal comes back to `pending_anchor`
    /// for another payout (a bounced transfer): the count of its entries into `pending_anchor`.
    private func idempotencyKey(_ transaction: Transaction) async throws -> String {
        let entries = try await self.context.transactions.history(id: transaction.id).filter { $0.to == .pendingAnchor }.count
        return "payout:\(transaction.id):\(max(1, entries))"
    }
}
