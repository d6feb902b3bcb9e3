import CapstanCore
import CapstanStore
import Foundation
import StellarKit
import Synchronization
import Testing
@testable import CapstanDevnet
@testable import CapstanWorkers

@Suite struct PaymentWatcherTests {
    /// A user holding SRT, and a withdrawal of 50 SRT (fee 0.5) with its memo on the distribution account.
    private func withdrawal(_ fixture: WorkerFixture, user: KeyPair? = nil) async throws -> (KeyPair, CapstanCore.Transaction) {
        let user = if let user { user } else { try await self.holder(fixture) }
        let transaction = CapstanCore.Transaction(
            kind: .withdrawal, protocol: .sep24, sub: user.accountId, assetCode: WorkerFixture.code, status: .pendingUserTransferStart,
            startedAt: Date.now, amountIn: Amount("50"), amountOut: Amount("49.5"), amountFee: Amount("0.5"), to: "bank-account-1")
        try await fixture.store.transactions.insert(transaction)
        let withMemo = try await fixture.store.transactions.assignWithdrawMemo(id: transaction.id, account: fixture.distribution.accountId)
        return (user, withMemo)
    }

    private func holder(_ fixture: WorkerFixture) async throws -> KeyPair {
        let user = KeyPair.random()
        try await fixture.fund(user)
        try await fixture.trust(user)
        try await fixture.pay(from: fixture.issuer, to: user.accountId, units: 1_000)
        return user
    }

    private func memo(_ transaction: CapstanCore.Transaction) throws -> Memo {
        let text = try #require(transaction.withdrawMemo)
        return .id(try #require(UInt64(text)))
    }

    private func watcher(_ fixture: WorkerFixture, source: (any PaymentSource)? = nil, workerID: String = "watcher", pageSize: Int = 200, leaseSeconds: Int = 120) -> PaymentWatcher {
        PaymentWatcher(
            context: fixture.context(workerID: workerID, leaseSeconds: leaseSeconds), source: source ?? DevnetPaymentSource(ledger: fixture.devnet),
            pageSize: pageSize)
    }

    @Test func matchesByMemoAndRecordsThePayment() async throws {
        try await WorkerFixture.with { fixture in
            let (user, withdrawal) = try await self.withdrawal(fixture)
            let (_, other) = try await self.withdrawal(fixture)
            let hash = try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(withdrawal))
            let matched = try await self.watcher(fixture).runOnce()
            #expect(matched == 1)
            let received = try await fixture.reload(withdrawal)
            #expect(received.status == .pendingAnchor)
            #expect(received.stellarTransactionID == hash && received.from == user.accountId)
            #expect(received.amountIn == Amount("50") && received.amountOut == Amount("49.5"))
            #expect(try await fixture.reload(other).status == .pendingUserTransferStart)
        }
    }

    @Test func ignoresUnrelatedPayments() async throws {
        try await WorkerFixture.with { fixture in
            let (user, withdrawal) = try await self.withdrawal(fixture)
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50)                    // no memo
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: .id(999_999)) // nobody's memo
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: .text("hello"))
            // The right memo, but in lumens.
            try await fixture.submit(user, [.payment(
                destination: MuxedAccount(ed25519: fixture.distribution.publicKey), asset: .native, amount: 50 * 10_000_000)],
                memo: try self.memo(withdrawal))
            #expect(try await self.watcher(fixture).runOnce() == 0)
            #expect(try await fixture.reload(withdrawal).status == .pendingUserTransferStart)
            #expect(try await fixture.store.ledgerCursors.cursor(stream: PaymentWatcher.stream(for: fixture.distribution.accountId)) != nil)
        }
    }

    @Test func recomputesFeesWhenTheAmountDiffers() async throws {
        try await WorkerFixture.with { fixture in
            let (user, withdrawal) = try await self.withdrawal(fixture)
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 40, memo: try self.memo(withdrawal))
            try await self.watcher(fixture).runOnce()
            let received = try await fixture.reload(withdrawal)
            #expect(received.amountIn == Amount("40") && received.amountFee == Amount("0.5") && received.amountOut == Amount("39.5"))
        }
    }

    @Test func skipsAnUnreadableRecordAndMatchesTheRest() async throws {
        try await WorkerFixture.with { fixture in
            let (user, first) = try await self.withdrawal(fixture)
            let (_, second) = try await self.withdrawal(fixture, user: user)
            let bad = try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(first))
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(second))
            let source = CorruptingSource(inner: DevnetPaymentSource(ledger: fixture.devnet), corruptHash: bad)
            try await self.watcher(fixture, source: source, pageSize: 1).runOnce()
            #expect(try await fixture.reload(first).status == .pendingUserTransferStart)    // its record was unreadable
            #expect(try await fixture.reload(second).status == .pendingAnchor)
        }
    }

    @Test func resumesFromTheStoredCursorAfterDowntimeWithoutSkipping() async throws {
        try await WorkerFixture.with { fixture in
            let stream = PaymentWatcher.stream(for: fixture.distribution.accountId)
            let (user, first) = try await self.withdrawal(fixture)
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(first))
            let counting = CountingSource(inner: DevnetPaymentSource(ledger: fixture.devnet))
            // A lease long enough that a loaded machine cannot outlast it between the two runs below.
            try await self.watcher(fixture, source: counting, workerID: "before", leaseSeconds: 4).runOnce()
            #expect(try await fixture.reload(first).status == .pendingAnchor)
            let stored = try #require(try await fixture.store.ledgerCursors.cursor(stream: stream))

            // Downtime: three more withdrawals are paid while nobody watches.
            var later: [CapstanCore.Transaction] = []
            for _ in 0..<3 {
                let (_, withdrawal) = try await self.withdrawal(fixture, user: user)
                try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(withdrawal))
                later.append(withdrawal)
            }
            // While the old lease runs, another instance does not follow the stream.
            #expect(try await self.watcher(fixture, source: counting, workerID: "after").runOnce() == 0)
            try await Task.sleep(for: .milliseconds(4100))
            counting.reset()
            #expect(try await self.watcher(fixture, source: counting, workerID: "after", pageSize: 1).runOnce() == 3)
            #expect(counting.cursors.first == stored)                       // carried on from where it stood
            for withdrawal in later { #expect(try await fixture.reload(withdrawal).status == .pendingAnchor) }
            #expect(try await fixture.store.ledgerCursors.cursor(stream: stream) != stored)
        }
    }

    /// A graceful stop hands the stream back: the next instance (a new worker id after a restart) follows it at once
    /// instead of waiting for the old lease to run out.
    @Test func aGracefulStopReleasesTheStreamLease() async throws {
        try await WorkerFixture.with { fixture in
            let (user, first) = try await self.withdrawal(fixture)
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(first))
            let before = self.watcher(fixture, workerID: "before", leaseSeconds: 600)
            #expect(try await before.runOnce() == 1)
            let (_, second) = try await self.withdrawal(fixture, user: user)
            try await fixture.pay(from: user, to: fixture.distribution.accountId, units: 50, memo: try self.memo(second))
            #expect(try await self.watcher(fixture, workerID: "after", leaseSeconds: 600).runOnce() == 0)   // still leased
            await before.stop()
            #expect(try await self.watcher(fixture, workerID: "after", leaseSeconds: 600).runOnce() == 1)
            #expect(try await fixture.reload(second).status == .pendingAnchor)
        }
    }
}

/// Turns the payment of the transaction `corruptHash` into an unreadable record, as a bad Horizon record would be.
struct CorruptingSource: PaymentSource {
    let inner: any PaymentSource
    let corruptHash: String

    func payments(account: String, after cursor: String?, limit: Int) async throws(StellarLedgerError) -> [PaymentSourceItem] {
        try await self.inner.payments(account: account, after: cursor, limit: limit).map { item in
            guard case .payment(let payment) = item, payment.transactionHash == self.corruptHash else { return item }
            return .unreadable(pagingToken: payment.pagingToken, reason: "simulated bad amount")
        }
    }
}

/// Records the cursor of every page asked for.
final class CountingSource: PaymentSource {
    let inner: any PaymentSource
    private let asked = Mutex<[String?]>([])

    init(inner: any PaymentSource) {
        self.inner = inner
    }

    var cursors: [String?] { self.asked.withLock { $0 } }
    func reset() { self.asked.withLock { $0 = [] } }

    func payments(account: String, after cursor: String?, limit: Int) async throws(StellarLedgerError) -> [PaymentSourceItem] {
        self.asked.withLock { $0.append(cursor) }
        return try await self.inner.payments(account: account, after: cursor, limit: limit)
    }
}
