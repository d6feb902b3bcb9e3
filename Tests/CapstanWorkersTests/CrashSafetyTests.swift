import CapstanCore
import CapstanStore
import Foundation
import StellarKit
import Testing
@testable import CapstanDevnet
@testable import CapstanWorkers

/// The deposit is paid at most once, whatever is killed when.
@Suite struct CrashSafetyTests {
    /// A user with a trustline and a deposit whose money arrived.
    private func arrivedDeposit(_ fixture: WorkerFixture) async throws -> (KeyPair, CapstanCore.Transaction) {
        let user = KeyPair.random()
        try await fixture.fund(user)
        try await fixture.trust(user)
        let deposit = try await fixture.deposit(to: user.accountId)
        fixture.arrive(deposit)
        return (user, deposit)
    }

    @Test func submissionThatLandedButTimedOutIsFoundByHashNotResent() async throws {
        try await WorkerFixture.with { fixture in
            let (user, deposit) = try await self.arrivedDeposit(fixture)
            let flaky = FlakyLedger(fixture.ledger, mode: .landsThenTimesOut)
            try await PendingDepositsWorker(context: fixture.context(ledger: flaky)).runOnce()
            #expect(try await fixture.reload(deposit).status == .pendingStellar)
            let stored = try #require(try await fixture.store.submissions.pendingSubmission(transactionID: deposit.id))
            #expect(stored.submittedAt != nil)

            // A new worker (the old one "crashed") looks the hash up and finds it in a ledger.
            let recording = RecordingLedger(fixture.ledger)
            try await PendingDepositsWorker(context: fixture.context(ledger: recording)).runOnce()
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed && paid.stellarTransactionID == stored.hash)
            #expect(recording.submitted.isEmpty)                            // found by hash: nothing submitted again
            #expect(await fixture.receipts(user.accountId).count == 1)
            #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).count == 1)
        }
    }

    @Test func storedButNeverSentEnvelopeIsResubmittedByteForByte() async throws {
        try await WorkerFixture.with { fixture in
            let (user, deposit) = try await self.arrivedDeposit(fixture)
            let flaky = FlakyLedger(fixture.ledger, mode: .neverSent)
            try await PendingDepositsWorker(context: fixture.context(ledger: flaky)).runOnce()
            let stored = try #require(try await fixture.store.submissions.pendingSubmission(transactionID: deposit.id))
            #expect(await fixture.receipts(user.accountId).isEmpty)
            #expect(await fixture.devnet.transaction(stored.hash) == nil)

            let recording = RecordingLedger(fixture.ledger)
            try await PendingDepositsWorker(context: fixture.context(ledger: recording)).runOnce()
            #expect(recording.submitted == [stored.envelopeXDR])            // the SAME envelope, never a new one
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed && paid.stellarTransactionID == stored.hash)
            #expect(await fixture.receipts(user.accountId).count == 1)
        }
    }

    @Test func workerThatDiesBeforeSubmittingLeavesAnEnvelopeTheNextOneSends() async throws {
        try await WorkerFixture.with { fixture in
            let (user, deposit) = try await self.arrivedDeposit(fixture)
            // The ledger is unreachable right after the envelope is stored: the pass ends with the row in pending_stellar.
            let dead = UnreachableOnSubmit(inner: fixture.ledger)
            try await PendingDepositsWorker(context: fixture.context(ledger: dead, leaseSeconds: 1)).runOnce()
            #expect(try await fixture.reload(deposit).status == .pendingStellar)
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            #expect(try await fixture.reload(deposit).status == .completed)
            #expect(await fixture.receipts(user.accountId).count == 1)
        }
    }

    @Test func expiredUnsentEnvelopeIsVoidedAndReplacedWithTheSameSequence() async throws {
        try await WorkerFixture.with { fixture in
            let (user, deposit) = try await self.arrivedDeposit(fixture)
            try await PendingDepositsWorker(context: fixture.context(ledger: FlakyLedger(fixture.ledger, mode: .neverSent))).runOnce()
            let first = try #require(try await fixture.store.submissions.pendingSubmission(transactionID: deposit.id))

            fixture.clock.advance(seconds: 120)                             // past the envelope's time bounds (60 s)
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed)
            let submissions = try await fixture.store.submissions.submissions(transactionID: deposit.id)
            #expect(submissions.map(\.state) == [.void, .applied])
            #expect(submissions.map(\.sequence) == [first.sequence, first.sequence])   // so at most one could ever land
            #expect(paid.stellarTransactionID == submissions.last?.hash && submissions.last?.hash != first.hash)
            #expect(await fixture.receipts(user.accountId).count == 1)
        }
    }

    @Test func envelopeWhoseSequenceWasSpentMeanwhileIsReplaced() async throws {
        try await WorkerFixture.with { fixture in
            let (user, deposit) = try await self.arrivedDeposit(fixture)
            try await PendingDepositsWorker(context: fixture.context(ledger: FlakyLedger(fixture.ledger, mode: .neverSent))).runOnce()
            let first = try #require(try await fixture.store.submissions.pendingSubmission(transactionID: deposit.id))
            // An operator pays from the distribution account by hand, spending the stored envelope's sequence number.
            try await fixture.pay(from: fixture.distribution, to: fixture.issuer.accountId, units: 1)
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed)
            let submissions = try await fixture.store.submissions.submissions(transactionID: deposit.id)
            #expect(submissions.map(\.state) == [.void, .applied])
            #expect(submissions.last?.sequence == first.sequence + 1)
            #expect(await fixture.receipts(user.accountId).count == 1)
        }
    }

    @Test func envelopeBehindAnUnsentOneWaitsForItInsteadOfBeingReplaced() async throws {
        try await WorkerFixture.with { fixture in
            let (_, first) = try await self.arrivedDeposit(fixture)
            let (_, second) = try await self.arrivedDeposit(fixture)
            // The first envelope never leaves; the second, one sequence number above it, is refused with tx_bad_seq.
            try await PendingDepositsWorker(context: fixture.context(ledger: FlakyLedger(fixture.ledger, mode: .neverSent))).runOnce()
            #expect(try await fixture.reload(first).status == .pendingStellar)
            #expect(try await fixture.reload(second).status == .pendingStellar)
            let worker = PendingDepositsWorker(context: fixture.context())
            for _ in 0..<2 { try await worker.runOnce() }
            var sequences: [Int64] = []
            for deposit in [first, second] {
                #expect(try await fixture.reload(deposit).status == .completed)
                let submissions = try await fixture.store.submissions.submissions(transactionID: deposit.id)
                #expect(submissions.map(\.state) == [.applied])            // waited, never replaced
                sequences += submissions.map(\.sequence)
            }
            #expect(sequences.count == 2 && sequences[1] == sequences[0] + 1)
        }
    }

    @Test func paymentThatFailsInALedgerForWantOfTrustWaitsInPendingTrust() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)                                    // no trustline, but the ledger read says otherwise
            let deposit = try await fixture.deposit(to: user.accountId)
            fixture.arrive(deposit)
            let lying = ClaimsTrust(inner: fixture.ledger, account: user.accountId, code: WorkerFixture.code, issuer: fixture.issuer.accountId)
            try await PendingDepositsWorker(context: fixture.context(ledger: lying)).runOnce()
            let waiting = try await fixture.reload(deposit)
            #expect(waiting.status == .pendingTrust)
            let submissions = try await fixture.store.submissions.submissions(transactionID: deposit.id)
            #expect(submissions.map(\.state) == [.failed])
            #expect(submissions.first?.result == "op_no_trust")
            let record = await fixture.devnet.transaction(try #require(submissions.first?.hash))
            #expect(record?.successful == false)                            // in a ledger, failed: nothing moved

            try await fixture.trust(user)
            try await TrustlinesWorker(context: fixture.context()).runOnce()
            #expect(try await fixture.reload(deposit).status == .completed)
            #expect(await fixture.receipts(user.accountId).count == 1)
        }
    }

    @Test func twoWorkersRacingOnTheSameRowsPayEachDepositOnce() async throws {
        try await WorkerFixture.with { fixture in
            var deposits: [CapstanCore.Transaction] = []
            var users: [KeyPair] = []
            for _ in 0..<6 {
                let (user, deposit) = try await self.arrivedDeposit(fixture)
                users.append(user)
                deposits.append(deposit)
            }
            let first = PendingDepositsWorker(context: fixture.context(workerID: "a"))
            let second = PendingDepositsWorker(context: fixture.context(workerID: "b"))
            for _ in 0..<4 {
                async let a = first.runOnce()
                async let b = second.runOnce()
                _ = try await (a, b)
            }
            for (user, deposit) in zip(users, deposits) {
                #expect(try await fixture.reload(deposit).status == .completed)
                #expect(await fixture.receipts(user.accountId).count == 1)
                #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).filter { $0.state == .applied }.count == 1)
            }
            let sequences = try await deposits.asyncMap { try await fixture.store.submissions.submissions(transactionID: $0.id) }
                .flatMap { $0 }.filter { $0.state == .applied }.map(\.sequence)
            #expect(Set(sequences).count == deposits.count)
        }
    }

    @Test func envelopeMustGoWithPendingStellar() async throws {
        try await WorkerFixture.with { fixture in
            let deposit = try await fixture.deposit(to: KeyPair.random().accountId)
            await #expect(throws: TransitionError.self) {
                _ = try await fixture.store.submissions.recordSubmission(
                    transactionID: deposit.id, expectedVersion: nil, purpose: .payment, sourceAccount: fixture.distribution.accountId,
                    ledgerSequence: 1, voiding: nil, sign: { _, _ in SignedEnvelope(hash: "h", envelopeXDR: "x") },
                    steps: [.status(.pendingAnchor, cause: "test")])
            }
            #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).isEmpty)   // rolled back
            #expect(try await fixture.reload(deposit).status == .pendingUserTransferStart)
        }
    }
}

/// Stores fine, then cannot reach the ledger to submit: as if the worker died between the two.
struct UnreachableOnSubmit: StellarLedger {
    let inner: any StellarLedger

    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? { try await self.inner.account(accountID) }
    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome { throw .unavailable("connection refused") }
    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup { try await self.inner.transaction(hash: hash) }
}

/// Reports a trustline `account` does not have: a stale read, so the payment fails inside a ledger.
struct ClaimsTrust: StellarLedger {
    let inner: any StellarLedger
    let account: String
    let code: String
    let issuer: String

    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? {
        guard var state = try await self.inner.account(accountID) else { return nil }
        if accountID == self.account {
            state.trustlines.append(.init(assetCode: self.code, assetIssuer: self.issuer, balance: 0, limit: .max, authorized: true))
        }
        return state
    }

    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome { try await self.inner.submit(envelopeXDR: envelopeXDR) }
    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup { try await self.inner.transaction(hash: hash) }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
