import CapstanCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// Pays funded deposits on Stellar, crash-safely.
///
/// The one rule: an envelope is signed and stored in the same database transaction that moves the deposit to
/// `pending_stellar`, and only then submitted. Whatever is killed when, the next pass finds the deposit in
/// `pending_stellar` with its envelope, looks the hash up, and resubmits that same envelope if the ledger has not
/// seen it. A new envelope is signed only once the old one is proven dead (`tx_too_late`, or its sequence number
/// spent by another), and then in the same database transaction that voids the old one.
struct DepositPayer: Sendable {
    let context: WorkerContext

    /// What to do with a funded deposit, given the ledger's state.
    enum Decision: Sendable, Equatable {
        case envelope(DepositPlan)
        case waitForTrust
        case fail(String)
    }

    // MARK: deciding and signing

    /// Signs and stores the next envelope for `transaction` (after the `before` steps, in the same database
    /// transaction) and settles it; or moves the deposit to `pending_trust` or `error` when no payment can be made.
    /// `voiding` is the deposit's dead envelope being replaced.
    func pay(_ transaction: Transaction, before: [TransactionChange], voiding: String? = nil) async throws {
        let asset = try await self.context.asset(transaction.assetCode)
        // Decide on the deposit as it will be stored: the steps may change its amounts (money that arrived).
        var projected = transaction
        for step in before { try step.apply(&projected) }
        let decision = try await self.decide(projected, asset: asset)
        switch decision {
        case .envelope(let plan):
            guard let source = try await self.context.ledger.account(plan.source) else {
                throw StellarLedgerError.unavailable("the paying account \(plan.source) does not exist")
            }
            let signer = self.context.signer
            let now = self.context.now()
            let (stored, submission) = try await self.context.submissions.recordSubmission(
                transactionID: transaction.id, expectedVersion: transaction.version, purpose: plan.purpose,
                sourceAccount: plan.source, ledgerSequence: source.sequence, voiding: voiding,
                sign: { sequence, stored in
                    // The envelope must pay what the stored row says, whatever changed since the plan was made.
                    guard try Self.plan(plan, fits: stored) else { throw StoreError.conflict("deposit \(stored.id) changed while being paid") }
                    return try signer.sign(plan, sequence: sequence, now: now)
                },
                steps: before + [.status(.pendingStellar, cause: "stellar: \(plan.purpose.rawValue) envelope signed")]
            )
            self.context.logger.info("deposit envelope stored", metadata: [
                "transaction_id": "\(transaction.id)", "hash": "\(submission.hash)", "sequence": "\(submission.sequence)",
                "purpose": "\(plan.purpose.rawValue)",
            ])
            try await self.settle(stored, submission)
        case .waitForTrust:
            let change = TransactionChange.status(.pendingTrust, cause: "stellar: the account has no trustline for the asset")
            try await self.finish(transaction, before: before, voiding: voiding, with: change)
        case .fail(let message):
            try await self.finish(transaction, before: before, voiding: voiding, with: Self.failure(message))
        }
    }

    /// Writes a decision that signs nothing; with `voiding`, the dead envelope's fate goes in the same write.
    private func finish(_ transaction: Transaction, before: [TransactionChange], voiding: String?, with change: TransactionChange) async throws {
        if let voiding {
            _ = try await self.context.submissions.resolveSubmission(
                hash: voiding, state: .void, result: "known never to land", cause: change.cause, change.apply)
            return
        }
        var probe = transaction
        try change.apply(&probe)
        if before.isEmpty, probe.status == transaction.status { return }     // still waiting: nothing to write
        _ = try await self.context.workerTransactions.update(id: transaction.id, expectedVersion: transaction.version, steps: before + [change])
    }

    func decide(_ transaction: Transaction, asset: Asset) async throws -> Decision {
        guard let destination = Self.destination(of: transaction), DepositEnvelopeSigner.isAccount(destination),
            let base = DepositEnvelopeSigner.baseAccount(destination)
        else { return .fail("the deposit has no valid Stellar account to pay") }
        guard let amount = transaction.amountOut ?? transaction.amountIn, amount.units > 0 else {
            return .fail("the deposit has no amount to pay")
        }
        guard let source = asset.distributionAccount ?? asset.issuer else { throw WorkerError.noSourceAccount(assetCode: asset.code) }
        guard self.context.signer.canSign(for: source) else { throw WorkerError.noSigningKey(source) }
        let memo: StellarMemo
        do { memo = try DepositEnvelopeSigner.memo(of: transaction) } catch { return .fail("the deposit memo does not fit its type") }
        let account = try await self.context.ledger.account(base)
        var plan = DepositPlan(purpose: .payment, source: source, destination: destination, asset: nil, amount: amount.units, memo: memo)

        guard let issuer = asset.issuer else {                      // lumens
            if account != nil { return .envelope(plan) }
            guard self.context.createAccounts else { return .fail("the account \(base) does not exist") }
            plan.destination = base
            plan.createsAccount = true
            return .envelope(plan)
        }
        plan.asset = (asset.code, issuer)
        if let line = account?.trustline(code: asset.code, issuer: issuer), line.authorized { return .envelope(plan) }
        if transaction.claimableBalanceSupported {
            plan.purpose = .claimableBalance
            plan.destination = base
            return .envelope(plan)
        }
        if account == nil {
            guard self.context.createAccounts else { return .fail("the account \(base) does not exist") }
            plan = DepositPlan(
                purpose: .createAccount, source: source, destination: base, asset: nil,
                amount: self.context.signer.startingBalance, memo: .none)
            return .envelope(plan)
        }
        return .waitForTrust
    }

    /// The account a deposit pays: its `to`, else the owner's own `G…` or `M…` account (SEP-24: `account` defaults
    /// to the authenticated one). A `G…:memo` owner without `to` gets nothing: paying the shared account without
    /// the user's memo would credit the wrong person.
    static func destination(of transaction: Transaction) -> String? {
        if let to = transaction.to { return to }
        return transaction.sub.contains(":") ? nil : transaction.sub
    }

    /// Whether `plan` still pays `transaction`'s amount to its account with its memo.
    static func plan(_ plan: DepositPlan, fits transaction: Transaction) throws -> Bool {
        guard plan.purpose != .createAccount else { return true }
        let amount = transaction.amountOut ?? transaction.amountIn
        let destination = plan.createsAccount || plan.purpose == .claimableBalance
            ? Self.destination(of: transaction).flatMap(DepositEnvelopeSigner.baseAccount) : Self.destination(of: transaction)
        let memo = try DepositEnvelopeSigner.memo(of: transaction)
        return amount?.units == plan.amount && destination == plan.destination && memo == plan.memo
    }

    // MARK: settling

    /// Finds out what became of a stored envelope, submitting it (again, byte for byte) while the ledger has not
    /// seen it, and records the outcome.
    func settle(_ transaction: Transaction, _ submission: StellarSubmission) async throws {
        switch try await self.context.ledger.transaction(hash: submission.hash) {
        case .found(_, nil):
            try await self.succeed(submission)
            return
        case .found(_, let failure?):
            try await self.failInLedger(submission, failure)
            return
        case .notFound:
            break
        }
        try await self.context.submissions.markSubmitted(hash: submission.hash)
        let outcome = try await self.context.ledger.submit(envelopeXDR: submission.envelopeXDR)
        switch outcome {
        case .applied:
            try await self.succeed(submission)
        case .failed(.outcomeUnknown(let reason)):
            // It may still land: the next pass looks the hash up before doing anything else.
            self.context.logger.warning("submission outcome unknown; will look it up", metadata: [
                "transaction_id": "\(submission.transactionID)", "hash": "\(submission.hash)", "reason": "\(reason)",
            ])
        case .failed(.tooLate):
            try await self.replace(transaction, submission, reason: "tx_too_late")
        case .failed(.badSequence):
            try await self.settleBadSequence(transaction, submission)
        case .failed(let failure):
            // Horizon answers failures inside a ledger and refusals before one alike; the hash tells them apart.
            if case .found(_, let recorded) = try await self.context.ledger.transaction(hash: submission.hash) {
                if let recorded { try await self.failInLedger(submission, recorded) } else { try await self.succeed(submission) }
                return
            }
            // Refused outright: no ledger holds it and nobody submits it again.
            _ = try await self.context.submissions.resolveSubmission(
                hash: submission.hash, state: .failed, result: failure.description, cause: "stellar: submission refused",
                Self.failure("Stellar refused the payment (\(failure))").apply)
        }
    }

    /// `tx_bad_seq` means either our sequence number was spent (this envelope is dead) or an earlier envelope of
    /// the account has not landed yet (it may still become valid): only the account's sequence tells which.
    private func settleBadSequence(_ transaction: Transaction, _ submission: StellarSubmission) async throws {
        if case .found(_, let recorded) = try await self.context.ledger.transaction(hash: submission.hash) {
            if let recorded { try await self.failInLedger(submission, recorded) } else { try await self.succeed(submission) }
            return
        }
        guard let source = try await self.context.ledger.account(submission.sourceAccount) else {
            throw StellarLedgerError.unavailable("the paying account \(submission.sourceAccount) does not exist")
        }
        if source.sequence >= submission.sequence {
            try await self.replace(transaction, submission, reason: "sequence \(submission.sequence) spent by another transaction")
        } else {
            self.context.logger.info("envelope waits for an earlier sequence number", metadata: [
                "transaction_id": "\(submission.transactionID)", "hash": "\(submission.hash)",
            ])
        }
    }

    /// Replaces a provably dead envelope: the void and the new envelope are one database write.
    private func replace(_ transaction: Transaction, _ submission: StellarSubmission, reason: String) async throws {
        self.context.logger.notice("envelope can never land; signing a new one", metadata: [
            "transaction_id": "\(submission.transactionID)", "hash": "\(submission.hash)", "reason": "\(reason)",
        ])
        guard let current = try await self.context.transactions.transaction(id: transaction.id) else { return }
        try await self.pay(current, before: [], voiding: submission.hash)
    }

    private func succeed(_ submission: StellarSubmission) async throws {
        let hash = submission.hash
        switch submission.purpose {
        case .createAccount:
            // The account exists now; the payment waits for its trustline.
            _ = try await self.context.submissions.resolveSubmission(
                hash: hash, state: .applied, result: nil, cause: "stellar: account created; waiting for a trustline"
            ) { $0.status = .pendingTrust }
        case .payment, .claimableBalance:
            let balanceID = submission.purpose == .claimableBalance
                ? try DepositEnvelopeSigner.claimableBalanceID(source: submission.sourceAccount, sequence: submission.sequence) : nil
            let completed = try await self.context.submissions.resolveSubmission(
                hash: hash, state: .applied, result: nil, cause: "stellar: deposit paid"
            ) { transaction in
                transaction.status = .completed
                transaction.stellarTransactionID = hash
                if let balanceID { transaction.claimableBalanceID = balanceID }
            }
            // The plugins' after_deposit was queued with the change itself (the store's plugin notifier).
            self.context.logger.info("deposit paid", metadata: ["transaction_id": "\(completed.id)", "hash": "\(hash)"])
        }
    }

    /// The envelope is in a ledger but failed: its sequence number is spent and its fee paid; nothing moved.
    private func failInLedger(_ submission: StellarSubmission, _ failure: SubmitFailure) async throws {
        let change: TransactionChange = switch failure {
        case .noTrust, .notAuthorized:
            .status(.pendingTrust, cause: "stellar: payment failed for want of an authorised trustline")
        default:
            Self.failure("the Stellar payment failed (\(failure))")
        }
        _ = try await self.context.submissions.resolveSubmission(
            hash: submission.hash, state: .failed, result: failure.description, cause: change.cause, change.apply)
    }

    static func failure(_ message: String) -> TransactionChange {
        TransactionChange(cause: "worker: \(message)") { transaction in
            transaction.status = .error
            transaction.message = message
        }
    }
}
