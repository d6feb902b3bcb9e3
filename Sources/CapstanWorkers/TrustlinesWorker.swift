import CapstanCore

/// `trustlines`: pays deposits waiting in `pending_trust` once the user's account trusts the asset (or, for a
/// wallet that accepts them, as a claimable balance).
public struct TrustlinesWorker: MoneyWorker {
    public let name = "trustlines"
    let context: WorkerContext
    /// How long a deposit still without a trustline is left alone before the ledger is asked again.
    let recheckSeconds: Int

    public init(context: WorkerContext, recheckSeconds: Int = 0) {
        self.context = context
        self.recheckSeconds = recheckSeconds
    }

    @discardableResult
    public func runOnce() async throws -> Int {
        let claimed = try await self.context.transactions.claim(
            status: .pendingTrust, kinds: PendingDepositsWorker.kinds, limit: self.context.batchSize,
            leaseSeconds: self.context.leaseSeconds, worker: self.context.workerID)
        let payer = DepositPayer(context: self.context)
        await self.context.each(claimed, worker: self.name) { transaction in
            let asset = try await self.context.asset(transaction.assetCode)
            if try await payer.decide(transaction, asset: asset) == .waitForTrust, self.recheckSeconds > 0 {
                try await self.context.workerTransactions.extendClaim(
                    id: transaction.id, worker: self.context.workerID, seconds: self.recheckSeconds)
                return .keep
            }
            try await payer.pay(transaction, before: [])
            return .release
        }
        return claimed.count
    }
}
