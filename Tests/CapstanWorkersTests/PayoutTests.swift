import CapstanCore
import CapstanStore
import Foundation
import Testing
@testable import CapstanWorkers

@Suite struct PayoutTests {
    /// A withdrawal whose Stellar payment was received.
    private func received(_ fixture: WorkerFixture, stellarHash: String? = "ab12") async throws -> CapstanCore.Transaction {
        let transaction = CapstanCore.Transaction(
            kind: .withdrawal, protocol: .sep24, sub: "GUSER", assetCode: WorkerFixture.code, status: .pendingAnchor, startedAt: Date.now,
            amountIn: Amount("50"), amountOut: Amount("49.5"), amountFee: Amount("0.5"), stellarTransactionID: stellarHash, to: "bank-account-1")
        try await fixture.store.transactions.insert(transaction)
        return transaction
    }

    private func worker(_ fixture: WorkerFixture, backoff: CallbackBackoff = CallbackBackoff(base: .zero, maximum: .zero)) -> PayoutWorker {
        PayoutWorker(context: fixture.context(workerID: "outgoing"), backoff: backoff)
    }

    @Test func paysOutAndRecordsPendingExternal() async throws {
        try await WorkerFixture.with { fixture in
            let withdrawal = try await self.received(fixture)
            try await self.worker(fixture).runOnce()
            let sent = try await fixture.reload(withdrawal)
            #expect(sent.status == .pendingExternal && sent.externalTransactionID == "bank-1")
            let request = try #require(fixture.rails.state.withLock { $0.payoutRequests.first })
            #expect(request.amount == Amount("49.5") && request.to == "bank-account-1" && request.assetCode == WorkerFixture.code)
        }
    }

    @Test func completedAnswerCompletesAtOnce() async throws {
        try await WorkerFixture.with { fixture in
            let withdrawal = try await self.received(fixture)
            fixture.rails.state.withLock { $0.payoutAnswers = [.success(PayoutResult(status: .completed, externalTransactionID: "bank-9"))] }
            try await self.worker(fixture).runOnce()
            let done = try await fixture.reload(withdrawal)
            #expect(done.status == .completed && done.externalTransactionID == "bank-9" && done.completedAt != nil)
        }
    }

    @Test func leavesWithdrawalsWithoutAReceivedPaymentAlone() async throws {
        try await WorkerFixture.with { fixture in
            let withdrawal = try await self.received(fixture, stellarHash: nil)
            try await self.worker(fixture).runOnce()
            #expect(try await fixture.reload(withdrawal).status == .pendingAnchor)
            #expect(fixture.rails.state.withLock { $0.payoutKeys.isEmpty })
        }
    }

    @Test func transientFailureIsRetriedWithTheSameKey() async throws {
        try await WorkerFixture.with { fixture in
            let withdrawal = try await self.received(fixture)
            fixture.rails.state.withLock {
                $0.payoutAnswers = [.failure(.transient("bank timeout")), .success(PayoutResult(status: .pendingExternal, externalTransactionID: "bank-2"))]
            }
            let worker = self.worker(fixture)
            try await worker.runOnce()
            #expect(try await fixture.reload(withdrawal).status == .pendingAnchor)
            try await worker.runOnce()
            #expect(try await fixture.reload(withdrawal).status == .pendingExternal)
            let keys = fixture.rails.state.withLock { $0.payoutKeys }
            #expect(keys.count == 2 && keys[0] == keys[1])
        }
    }

    @Test func transientFailureBacksOffBeforeTheNextTry() async throws {
        try await WorkerFixture.with { fixture in
            _ = try await self.received(fixture)
            fixture.rails.state.withLock { $0.payoutAnswers = [.failure(.transient("bank timeout"))] }
            let worker = self.worker(fixture, backoff: CallbackBackoff(base: .seconds(60), maximum: .seconds(600)))
            try await worker.runOnce()
            try await worker.runOnce()                                      // still inside the pause: not asked again
            #expect(fixture.rails.state.withLock { $0.payoutKeys.count } == 1)
        }
    }

    @Test func fatalFailureMovesToErrorWithTheMessage() async throws {
        try await WorkerFixture.with { fixture in
            let withdrawal = try await self.received(fixture)
            fixture.rails.state.withLock { $0.payoutAnswers = [.failure(.fatal("account closed"))] }
            try await self.worker(fixture).runOnce()
            let failed = try await fixture.reload(withdrawal)
            #expect(failed.status == .error && failed.message == "account closed")
        }
    }

    @Test func pollerCompletesSettledPayoutsAndFailsFailedOnes() async throws {
        try await WorkerFixture.with { fixture in
            let settled = try await self.received(fixture)
            let bounced = try await self.received(fixture)
            let waiting = try await self.received(fixture)
            try await self.worker(fixture).runOnce()
            fixture.rails.state.withLock {
                $0.settled[settled.id] = "bank-final"
                $0.failedPayouts[bounced.id] = "beneficiary bank rejected"
            }
            try await PayoutPoller(context: fixture.context()).runOnce()
            let done = try await fixture.reload(settled)
            #expect(done.status == .completed && done.externalTransactionID == "bank-final")
            let failed = try await fixture.reload(bounced)
            #expect(failed.status == .error && failed.message == "beneficiary bank rejected")
            #expect(try await fixture.reload(waiting).status == .pendingExternal)
        }
    }
}
