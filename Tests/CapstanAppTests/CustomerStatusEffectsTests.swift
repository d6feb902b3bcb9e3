import CapstanCore
import CapstanStore
import Foundation
import Logging
import SEP12
import Testing

@testable import CapstanApp

/// SEP-6 "pending_customer_info_update": once SEP-12 reports the customer ACCEPTED the transaction moves on; a
/// rejection ends it in `error`. The wallet's SEP-12 callback is queued durably either way.
@Suite struct CustomerStatusEffectsTests {
    static let alice = "GDROSCVCMNFQBN5QQ3BIX64JNYPYHZKPREX3DVMZF7CEQV6H7TTDGB6Q"

    static func withStore(_ body: (SQLStore, CustomerStatusEffects) async throws -> Void) async throws {
        let store = try await SQLStore.openSQLite(path: ":memory:", logger: Logger(label: "test"))
        _ = try await store.migrate()
        let effects = CustomerStatusEffects(callbacks: store.customerCallbacks, transactions: store.transactions, logger: Logger(label: "test"))
        do { try await body(store, effects) } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    static func waiting(_ store: SQLStore, sub: String, kind: TransactionKind = .deposit, status: TransactionStatus = .pendingCustomerInfoUpdate) async throws -> String {
        let transaction = CapstanCore.Transaction(kind: kind, protocol: .sep6, sub: sub, assetCode: "SRT", status: status, startedAt: Date())
        try await store.transactions.insert(transaction)
        return transaction.id
    }

    static func change(_ status: CustomerReply.Status, owner: String = alice, url: String? = nil, message: String? = nil) -> CustomerStatusChange {
        CustomerStatusChange(customerID: "cus-1", owner: owner, previous: .needsInfo, reply: CustomerReply(id: "cus-1", status: status, message: message), callbackURL: url)
    }

    @Test func acceptedMovesOnlyThisOwnersWaitingTransactions() async throws {
        try await Self.withStore { store, effects in
            let deposit = try await Self.waiting(store, sub: Self.alice)
            let withdrawal = try await Self.waiting(store, sub: Self.alice, kind: .withdrawal)
            let otherMemo = try await Self.waiting(store, sub: "\(Self.alice):7")
            let notWaiting = try await Self.waiting(store, sub: Self.alice, status: .incomplete)
            try await effects.customerStatusChanged(Self.change(.accepted))
            #expect(try await store.transactions.transaction(id: deposit)?.status == .pendingUserTransferStart)
            #expect(try await store.transactions.transaction(id: withdrawal)?.status == .pendingUserTransferStart)
            #expect(try await store.transactions.transaction(id: otherMemo)?.status == .pendingCustomerInfoUpdate)
            #expect(try await store.transactions.transaction(id: notWaiting)?.status == .incomplete)
            #expect(try await store.transactions.history(id: deposit).last?.cause == "sep12:ACCEPTED")
        }
    }

    @Test func rejectedEndsTheWaitInErrorWithTheAnchorsMessage() async throws {
        try await Self.withStore { store, effects in
            let deposit = try await Self.waiting(store, sub: Self.alice)
            try await effects.customerStatusChanged(Self.change(.rejected, message: "document expired"))
            let moved = try #require(try await store.transactions.transaction(id: deposit))
            #expect(moved.status == .error)
            #expect(moved.message == "document expired")
        }
    }

    @Test func processingAndNeedsInfoLeaveTransactionsWaiting() async throws {
        try await Self.withStore { store, effects in
            let deposit = try await Self.waiting(store, sub: Self.alice)
            try await effects.customerStatusChanged(Self.change(.processing))
            try await effects.customerStatusChanged(Self.change(.needsInfo))
            #expect(try await store.transactions.transaction(id: deposit)?.status == .pendingCustomerInfoUpdate)
        }
    }

    @Test func theCallbackIsQueuedWithTheCustomerBody() async throws {
        try await Self.withStore { store, effects in
            try await effects.customerStatusChanged(Self.change(.processing, url: "https://wallet.test/kyc"))
            try await effects.customerStatusChanged(Self.change(.accepted))
            let due = try await store.customerCallbacks.due(limit: 10, now: Date().addingTimeInterval(1))
            #expect(due.count == 1)
            let callback = try #require(due.first)
            #expect(callback.transactionID == "cus-1")
            #expect(callback.url == "https://wallet.test/kyc")
            #expect(callback.body == #"{"id":"cus-1","status":"PROCESSING"}"#)
        }
    }
}
