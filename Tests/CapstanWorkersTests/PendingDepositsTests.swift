import CapstanCore
import CapstanStore
import Foundation
import StellarKit
import Testing
@testable import CapstanDevnet
@testable import CapstanWorkers

@Suite struct PendingDepositsTests {
    @Test func paysAnArrivedDepositOnceWithItsAmountOut() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)
            try await fixture.trust(user)
            let deposit = try await fixture.deposit(to: user.accountId)
            let worker = PendingDepositsWorker(context: fixture.context())

            try await worker.runOnce()
            #expect(try await fixture.reload(deposit).status == .pendingUserTransferStart)   // nothing arrived yet
            #expect(await fixture.receipts(user.accountId).isEmpty)

            fixture.arrive(deposit)
            try await worker.runOnce()
            try await worker.runOnce()                                      // a second pass pays nothing more
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed)
            #expect(paid.completedAt != nil)
            let receipts = await fixture.receipts(user.accountId)
            #expect(receipts.count == 1)
            #expect(receipts.compactMap(\.amount) == [980_000_000])
            #expect(receipts.first?.transactionHash == paid.stellarTransactionID)
            #expect(await fixture.srtBalance(user.accountId) == 98 * 10_000_000)
            #expect(paid.externalTransactionID == "bank-\(deposit.id.prefix(8))")
            // after_deposit is queued in the write that completed the deposit, once.
            let notifications = try await fixture.store.pluginNotifications.pending(transactionID: deposit.id)
            #expect(notifications.map(\.url) == ["after_deposit"])
            let history = try await fixture.store.transactions.history(id: deposit.id).map(\.to)
            #expect(history == [.pendingUserTransferStart, .pendingAnchor, .pendingStellar, .completed])
            let submissions = try await fixture.store.submissions.submissions(transactionID: deposit.id)
            #expect(submissions.map(\.state) == [.applied])
            #expect(submissions.first?.hash == paid.stellarTransactionID)
        }
    }

    @Test func carriesTheDepositMemo() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)
            try await fixture.trust(user)
            let deposit = try await fixture.deposit(to: user.accountId, memo: "4242")
            fixture.arrive(deposit)
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let paid = try await fixture.reload(deposit)
            let hash = try #require(paid.stellarTransactionID)
            let record = try #require(await fixture.devnet.transaction(hash))
            #expect(record.memoType == "id" && record.memo == "4242")
        }
    }

    @Test func recomputesFeesWhenTheArrivedAmountDiffers() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)
            try await fixture.trust(user)
            let deposit = try await fixture.deposit(to: user.accountId)
            fixture.arrive(deposit, amount: "50")                          // asked 100, sent 50
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let paid = try await fixture.reload(deposit)
            // Table fee: 1 + 1 % of 50 = 1.5; out 48.5.
            #expect(paid.status == .completed)
            #expect(paid.amountIn == Amount("50") && paid.amountFee == Amount("1.5") && paid.amountOut == Amount("48.5"))
            #expect(paid.feeDetails?.total == Amount("1.5"))
            let amounts = await fixture.receipts(user.accountId).compactMap(\.amount)
            #expect(amounts == [485_000_000])
        }
    }

    @Test func usesTheRailsFeeWhenGiven() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)
            try await fixture.trust(user)
            let deposit = try await fixture.deposit(to: user.accountId)
            fixture.arrive(deposit, amount: "100", fee: "3")
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let paid = try await fixture.reload(deposit)
            #expect(paid.amountFee == Amount("3") && paid.amountOut == Amount("97"))
            let amounts = await fixture.receipts(user.accountId).compactMap(\.amount)
            #expect(amounts == [970_000_000])
        }
    }

    @Test func railsFailureMovesTheDepositToError() async throws {
        try await WorkerFixture.with { fixture in
            let deposit = try await fixture.deposit(to: KeyPair.random().accountId)
            fixture.rails.state.withLock { $0.failedDeposits[deposit.id] = "the bank returned the transfer" }
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let failed = try await fixture.reload(deposit)
            #expect(failed.status == .error && failed.message == "the bank returned the transfer")
            #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).isEmpty)
        }
    }

    @Test func createsAMissingAccountThenPaysOnceItTrustsTheAsset() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()                                     // not on the ledger at all
            let deposit = try await fixture.deposit(to: user.accountId)
            fixture.arrive(deposit)
            let context = fixture.context()
            try await PendingDepositsWorker(context: context).runOnce()
            #expect(try await fixture.reload(deposit).status == .pendingTrust)
            let created = try #require(await fixture.devnet.account(user.accountId))
            #expect(created.balance == context.signer.startingBalance)

            let trustlines = TrustlinesWorker(context: context)
            try await trustlines.runOnce()
            #expect(try await fixture.reload(deposit).status == .pendingTrust)   // still no trustline: nothing sent

            try await fixture.trust(user)
            try await trustlines.runOnce()
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed)
            #expect(await fixture.srtBalance(user.accountId) == 98 * 10_000_000)
            let submissions = try await fixture.store.submissions.submissions(transactionID: deposit.id)
            #expect(submissions.map(\.purpose) == [.createAccount, .payment])
            #expect(submissions.map(\.state) == [.applied, .applied])
            #expect(paid.stellarTransactionID == submissions.last?.hash)
        }
    }

    @Test func missingAccountWithCreationOffIsAnError() async throws {
        try await WorkerFixture.with { fixture in
            let deposit = try await fixture.deposit(to: KeyPair.random().accountId)
            fixture.arrive(deposit)
            var context = fixture.context()
            context.createAccounts = false
            try await PendingDepositsWorker(context: context).runOnce()
            let failed = try await fixture.reload(deposit)
            #expect(failed.status == .error)
            #expect(failed.message?.contains("does not exist") == true)
        }
    }

    @Test func waitsInPendingTrustThenTheTrustlinesWorkerPays() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)                                    // exists, no trustline
            let deposit = try await fixture.deposit(to: user.accountId)
            fixture.arrive(deposit)
            let context = fixture.context()
            try await PendingDepositsWorker(context: context).runOnce()
            #expect(try await fixture.reload(deposit).status == .pendingTrust)
            #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).isEmpty)
            let history = try await fixture.store.transactions.history(id: deposit.id).map(\.to)
            #expect(history == [.pendingUserTransferStart, .pendingAnchor, .pendingTrust])

            try await fixture.trust(user)
            try await TrustlinesWorker(context: context).runOnce()
            #expect(try await fixture.reload(deposit).status == .completed)
            #expect(await fixture.receipts(user.accountId).count == 1)
        }
    }

    @Test func paysAClaimableBalanceWhenTheWalletAcceptsOne() async throws {
        try await WorkerFixture.with { fixture in
            let user = KeyPair.random()
            try await fixture.fund(user)                                    // no trustline
            let deposit = try await fixture.deposit(to: user.accountId, claimableBalanceSupported: true)
            fixture.arrive(deposit)
            try await PendingDepositsWorker(context: fixture.context()).runOnce()
            let paid = try await fixture.reload(deposit)
            #expect(paid.status == .completed)
            let balanceID = try #require(paid.claimableBalanceID)
            let balance = try #require(await fixture.devnet.claimableBalance(balanceID))
            #expect(balance.amount == 98 * 10_000_000)
            #expect(balance.claimants.map(\.destination) == [user.accountId])
            #expect(await fixture.srtBalance(user.accountId) == nil)
        }
    }
}
