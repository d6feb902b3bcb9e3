import CapstanCore
import Logging

/// `pending-deposits`: asks the rails which deposits waiting for the user's transfer have arrived, then pays
/// them on Stellar (Payment, CreateAccount first, or a claimable balance), and settles envelopes whose outcome
/// is not known yet (after a crash or a timed-out submission).
public struct PendingDepositsWorker: MoneyWorker {
    public let name = "pending-deposits"
    let context: WorkerContext
    /// How long a deposit the rails have not seen yet is left alone before it is asked about again.
    let recheckSeconds: Int

    static let kinds: [TransactionKind] = [.deposit, .depositExchange]

    public init(context: WorkerContext, recheckSeconds: Int = 0) {
        self.context = context
        self.recheckSeconds = recheckSeconds
    }

    @discardableResult
    public func runOnce() async throws -> Int {
        let settled = try await self.settlePending()
        let arrived = try await self.pollArrivals()
        return settled + arrived
    }

    /// Deposits in `pending_stellar`: their envelope is looked up, resubmitted, or replaced once proven dead.
    func settlePending() async throws -> Int {
        let payer = DepositPayer(context: self.context)
        let claimed = try await self.claim(.pendingStellar)
        await self.context.each(claimed, worker: self.name) { transaction in
            guard let submission = try await self.context.submissions.pendingSubmission(transactionID: transaction.id) else {
                // Resolving an envelope moves its deposit on in the same write, so this is someone's manual edit.
                self.context.logger.error("deposit in pending_stellar has no pending envelope; an operator must look", metadata: [
                    "transaction_id": "\(transaction.id)",
                ])
                return .release
            }
            try await payer.settle(transaction, submission)
            return .release
        }
        return claimed.count
    }

    /// Deposits waiting for the user's off-chain transfer: one `rails_poll_deposits` call for the batch.
    func pollArrivals() async throws -> Int {
        let claimed = try await self.claim(.pendingUserTransferStart)
        guard !claimed.isEmpty else { return 0 }
        let poll: DepositPoll
        do {
            poll = try await self.context.rails.pollDeposits(claimed)
        } catch {
            for transaction in claimed { await self.context.release(transaction.id) }
            if error == .unimplemented { return 0 }
            throw error
        }
        let arrived = Dictionary(poll.arrived.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let failed = Dictionary(poll.failed.map { ($0.id, $0.message) }, uniquingKeysWith: { first, _ in first })
        let payer = DepositPayer(context: self.context)
        await self.context.each(claimed, worker: self.name) { transaction in
            if let message = failed[transaction.id] {
                _ = try await self.context.workerTransactions.update(
                    id: transaction.id, expectedVersion: transaction.version, steps: [DepositPayer.failure(message)])
                return .release
            }
            guard let deposit = arrived[transaction.id] else { return try await self.recheckLater(transaction) }
            let asset = try await self.context.asset(transaction.assetCode)
            let amounts: AmountRecalculation
            do {
                amounts = try await AmountRecalculation.make(
                    for: transaction, received: deposit.amountIn, railFee: deposit.amountFee, asset: asset, operation: .deposit,
                    provider: self.context.feeProvider)
            } catch {
                _ = try await self.context.workerTransactions.update(
                    id: transaction.id, expectedVersion: transaction.version,
                    steps: [Self.arrival(deposit, amounts: nil), DepositPayer.failure("fees could not be computed for the amount received: \(error)")])
                return .release
            }
            try await payer.pay(transaction, before: [Self.arrival(deposit, amounts: amounts)])
            return .release
        }
        return claimed.count
    }

    /// The arrival as a step: funds are in the anchor's hands (`pending_anchor`) with the amounts that came.
    static func arrival(_ deposit: ArrivedDeposit, amounts: AmountRecalculation?) -> TransactionChange {
        TransactionChange(cause: "rails: off-chain funds arrived") { transaction in
            transaction.status = .pendingAnchor
            if let amounts { amounts.apply(to: &transaction) } else { transaction.amountIn = deposit.amountIn }
            if let external = deposit.externalTransactionID { transaction.externalTransactionID = external }
            if let from = deposit.from { transaction.from = from }
        }
    }

    private func recheckLater(_ transaction: Transaction) async throws -> ReleaseChoice {
        guard self.recheckSeconds > 0 else { return .release }
        // Hidden for a while, so a long queue of unpaid deposits cannot starve the ones behind it.
        try await self.context.workerTransactions.extendClaim(id: transaction.id, worker: self.context.workerID, seconds: self.recheckSeconds)
        return .keep
    }

    private func claim(_ status: TransactionStatus) async throws -> [Transaction] {
        try await self.context.transactions.claim(
            status: status, kinds: Self.kinds, limit: self.context.batchSize, leaseSeconds: self.context.leaseSeconds,
            worker: self.context.workerID)
    }
}
