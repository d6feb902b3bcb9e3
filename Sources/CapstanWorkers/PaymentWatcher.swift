import CapstanCore
import Logging

/// `watch-payments`: follows payments to every receiving account (each asset's distribution account, else its
/// issuer) from a cursor kept in the database, and matches them to withdrawals waiting for the user's Stellar
/// payment by destination, asset and memo.
///
/// After downtime it carries on from the stored cursor, page by page, without skipping. Matching is idempotent
/// (only a withdrawal still in `pending_user_transfer_start` moves), so a page replayed after a crash between the
/// update and the cursor write changes nothing twice. One unreadable record is logged and stepped over; a record
/// that fails for another reason (database down) stops the stream before it, to be retried next pass.
public struct PaymentWatcher: MoneyWorker {
    public let name = "watch-payments"
    let context: WorkerContext
    let source: any PaymentSource
    /// Records per page.
    let pageSize: Int
    /// Pages per account per pass, so one busy account cannot hold the others up for long.
    let maxPages: Int

    public init(context: WorkerContext, source: any PaymentSource, pageSize: Int = 200, maxPages: Int = 50) {
        self.context = context
        self.source = source
        self.pageSize = max(1, pageSize)
        self.maxPages = max(1, maxPages)
    }

    @discardableResult
    public func runOnce() async throws -> Int {
        var matched = 0
        for account in try await self.receivingAccounts() {
            matched += try await self.follow(account)
        }
        return matched
    }

    /// Releases the stream leases, so a restarted instance (a new worker id) follows the streams at once.
    public func stop() async {
        guard let accounts = try? await self.receivingAccounts() else { return }
        for account in accounts {
            do { try await self.context.cursors.release(stream: Self.stream(for: account), worker: self.context.workerID) } catch {
                self.context.logger.warning("stream lease not released", metadata: ["account": "\(account)", "error": "\(error)"])
            }
        }
    }

    func receivingAccounts() async throws -> [String] {
        var seen: Set<String> = []
        return try await self.context.assets.all().compactMap { asset in
            guard asset.withdraw.enabled, let account = asset.distributionAccount ?? asset.issuer, seen.insert(account).inserted else { return nil }
            return account
        }
    }

    /// Stream key of an account's payments in `ledger_cursors`.
    public static func stream(for account: String) -> String { "payments:\(account)" }

    func follow(_ account: String) async throws -> Int {
        let stream = Self.stream(for: account)
        guard let lease = try await self.context.cursors.acquire(
            stream: stream, worker: self.context.workerID, leaseSeconds: self.context.leaseSeconds)
        else { return 0 }                                             // another instance follows this account
        var cursor = lease.cursor
        var matched = 0
        for _ in 0..<self.maxPages {
            let page = try await self.source.payments(account: account, after: cursor, limit: self.pageSize)
            guard !page.isEmpty else { break }
            var reached = cursor
            for item in page {
                do {
                    if try await self.process(item, account: account) { matched += 1 }
                } catch {
                    self.context.logger.error("payment not processed; the stream stops before it", metadata: [
                        "account": "\(account)", "paging_token": "\(item.pagingToken)", "error": "\(String(reflecting: error))",
                    ])
                    if let reached, reached != cursor { try await self.context.cursors.advance(stream: stream, to: reached, worker: self.context.workerID) }
                    return matched
                }
                reached = item.pagingToken
            }
            if let reached {
                guard try await self.context.cursors.advance(stream: stream, to: reached, worker: self.context.workerID) else { return matched }
            }
            cursor = reached
            if page.count < self.pageSize { break }
        }
        return matched
    }

    /// Returns whether the payment completed a withdrawal's Stellar side.
    func process(_ item: PaymentSourceItem, account: String) async throws -> Bool {
        guard case .payment(let payment) = item else {
            if case .unreadable(let token, let reason) = item {
                self.context.logger.warning("unreadable payment record skipped", metadata: [
                    "account": "\(account)", "paging_token": "\(token)", "reason": "\(reason)",
                ])
            }
            return false
        }
        guard payment.successful, payment.to == account, let memo = payment.memo, !memo.isEmpty else { return false }
        guard let withdrawal = try await self.context.workerTransactions.withdrawal(anchorAccount: account, memo: memo) else { return false }
        guard withdrawal.status == .pendingUserTransferStart else {
            // A replay after a crash, or the user paid twice: the second case is money an operator must return.
            if withdrawal.stellarTransactionID != payment.transactionHash {
                self.context.logger.warning("payment for a withdrawal that no longer waits for one", metadata: [
                    "transaction_id": "\(withdrawal.id)", "status": "\(withdrawal.status.rawValue)", "hash": "\(payment.transactionHash)",
                ])
            }
            return false
        }
        let asset = try await self.context.asset(withdrawal.assetCode)
        guard Self.matches(payment.asset, asset) else {
            self.context.logger.warning("payment with a withdrawal's memo in another asset ignored", metadata: [
                "transaction_id": "\(withdrawal.id)", "hash": "\(payment.transactionHash)",
            ])
            return false
        }
        let received = Amount(units: payment.amount)
        let amounts: AmountRecalculation?
        do {
            amounts = try await AmountRecalculation.make(
                for: withdrawal, received: received, railFee: nil, asset: asset, operation: .withdraw, provider: self.context.feeProvider)
        } catch {
            amounts = nil
        }
        let hash = payment.transactionHash
        let from = payment.from
        var steps = [TransactionChange(cause: "stellar: withdrawal payment received") { transaction in
            transaction.status = .pendingAnchor
            transaction.stellarTransactionID = hash
            transaction.from = from
            if let amounts { amounts.apply(to: &transaction) } else { transaction.amountIn = received }
        }]
        if amounts == nil { steps.append(DepositPayer.failure("fees could not be computed for the amount received")) }
        do {
            _ = try await self.context.workerTransactions.update(id: withdrawal.id, expectedVersion: withdrawal.version, steps: steps)
        } catch StoreError.conflict {
            return false                                              // changed meanwhile; the next replay sees its new status
        }
        self.context.logger.info("withdrawal payment received", metadata: ["transaction_id": "\(withdrawal.id)", "hash": "\(hash)"])
        return true
    }

    static func matches(_ paid: LedgerPayment.AssetID, _ asset: Asset) -> Bool {
        switch paid {
        case .native: asset.issuer == nil
        case .credit(let code, let issuer): asset.code == code && asset.issuer == issuer
        }
    }
}
