import CapstanCore
import Foundation
import Testing
@testable import CapstanStore

/// Renders `{"transaction":{"id":…,"status":…}}`, the shape of SEP-24's callback body, or fails on demand.
struct StubPresenter: TransactionPresenter {
    struct Refused: Error {}
    var fails = false

    func callbackBody(for transaction: Transaction) throws -> [UInt8] {
        if self.fails { throw Refused() }
        return Array(#"{"transaction":{"id":"\#(transaction.id)","status":"\#(transaction.status.rawValue)"}}"#.utf8)
    }
}

@Suite struct CallbackOutboxTests {
    static func deposit(id: String = "t1", onChange: String? = nil, callback: String? = nil) -> Transaction {
        var tx = TransactionUpdateTests.deposit(id: id)
        tx.onChangeCallback = onChange
        tx.callback = callback
        return tx
    }

    /// SEP-24: `on_change_callback` hears of every status change; the `callback` URL gets "at most one POST", when the
    /// interactive flow finishes (the transaction leaves `incomplete`).
    @Test func onChangeHearsEveryStatusChangeAndCallbackOnlyTheEndOfTheFlow() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "https://wallet.example/on-change", callback: "https://wallet.example/cb"))
            #expect(try await store.callbackOutbox.pending(transactionID: "t1") == [])     // creation sends nothing
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .pendingUserTransferStart }
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.message = "no status change" }
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .pendingAnchor }
            let pending = try await store.callbackOutbox.pending(transactionID: "t1")
            #expect(pending.map(\.url) == ["https://wallet.example/on-change", "https://wallet.example/cb", "https://wallet.example/on-change"])
            #expect(pending[0].body == #"{"transaction":{"id":"t1","status":"pending_user_transfer_start"}}"#)
            #expect(pending[2].body == #"{"transaction":{"id":"t1","status":"pending_anchor"}}"#)
            #expect(pending.allSatisfy { $0.attempts == 0 && !$0.gaveUp && $0.deliveredAt == nil })
        }
    }

    /// SEP-24 `on_change_callback`: a POST "on every status change or `kyc_verified` change".
    @Test func aKYCVerifiedChangeEnqueuesToo() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "https://wallet.example/cb"))
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "kyc") { $0.kycVerified = true }
            #expect(try await store.callbackOutbox.pending(transactionID: "t1").count == 1)
        }
    }

    @Test func postMessageAndNonURLsAreNotEnqueued() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "not a url", callback: "postMessage"))
            try await store.transactions.insert(Self.deposit(id: "t2", onChange: "https://same.example/x", callback: "https://same.example/x"))
            for id in ["t1", "t2"] {
                _ = try await store.transactions.update(id: id, expectedVersion: nil, cause: "x") { $0.status = .pendingAnchor }
            }
            #expect(try await store.callbackOutbox.pending(transactionID: "t1") == [])
            #expect(try await store.callbackOutbox.pending(transactionID: "t2").count == 1)   // one URL, once
        }
    }

    @Test func withoutAPresenterNothingIsEnqueued() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit(onChange: "https://wallet.example/cb"))
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .pendingAnchor }
            #expect(try await store.callbackOutbox.pending(transactionID: "t1") == [])
            store.setPresenter(StubPresenter(), for: .sep6)                                 // another protocol's
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .pendingStellar }
            #expect(try await store.callbackOutbox.pending(transactionID: "t1") == [])
        }
    }

    @Test func aPresenterThatFailsDoesNotBlockTheStatusChange() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(fails: true), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "https://wallet.example/cb"))
            let updated = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .pendingAnchor }
            #expect(updated.status == .pendingAnchor)
            #expect(try await store.callbackOutbox.pending(transactionID: "t1") == [])
        }
    }

    /// The outbox row is written in the update's database transaction: an update that fails leaves none behind.
    @Test func aFailingUpdateEnqueuesNothing() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "https://wallet.example/cb"))
            // A unique-key failure happens after the status check, at the UPDATE itself.
            var holder = TransactionUpdateTests.deposit(id: "holder")
            holder.kind = .withdrawal
            holder.withdrawAnchorAccount = "GHOLDER"
            holder.withdrawMemo = "7"
            try await store.transactions.insert(holder)
            var victim = Self.deposit(id: "t2", onChange: "https://wallet.example/cb")
            victim.kind = .withdrawal
            try await store.transactions.insert(victim)
            await #expect(throws: (any Error).self) {
                try await store.transactions.update(id: "t2", expectedVersion: nil, cause: "x") {
                    $0.status = .pendingUserTransferStart
                    $0.withdrawAnchorAccount = "GHOLDER"
                    $0.withdrawMemo = "7"
                }
            }
            #expect(try await store.callbackOutbox.all(transactionID: "t2") == [])
            #expect(try await store.transactions.history(id: "t2").count == 1)
            #expect(try await store.transactions.transaction(id: "t2")?.status == .incomplete)
            // A refused transition, likewise.
            await #expect(throws: TransitionError.self) {
                try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .completed }
            }
            #expect(try await store.callbackOutbox.all(transactionID: "t1") == [])
        }
    }

    @Test func dueReturnsOnlyTheOldestOpenCallbackPerDestination() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "https://a.example/cb"))
            try await store.transactions.insert(Self.deposit(id: "t2", onChange: "https://b.example/cb"))
            for status in [TransactionStatus.pendingUserTransferStart, .pendingAnchor] {
                for id in ["t1", "t2"] {
                    _ = try await store.transactions.update(id: id, expectedVersion: nil, cause: "x") { $0.status = status }
                }
            }
            let outbox = store.callbackOutbox
            let later = Date.now.addingTimeInterval(60)
            let first = try await outbox.due(limit: 10, now: later)
            #expect(first.map(\.transactionID).sorted() == ["t1", "t2"])
            #expect(first.allSatisfy { $0.body.contains("pending_user_transfer_start") })
            // A failed head keeps the next status waiting, until it is delivered or given up.
            let t1Head = try #require(first.first { $0.transactionID == "t1" })
            try await outbox.markFailed(id: t1Head.id, error: "HTTP 500", nextAttemptAt: later.addingTimeInterval(30), giveUp: false)
            #expect(try await outbox.due(limit: 10, now: later).map(\.transactionID) == ["t2"])
            try await outbox.markFailed(id: t1Head.id, error: "HTTP 500", nextAttemptAt: later, giveUp: true)
            let next = try await outbox.due(limit: 10, now: later).first { $0.transactionID == "t1" }
            #expect(next?.body.contains("pending_anchor") == true)
            let failed = try #require(try await outbox.all(transactionID: "t1").first)
            #expect(failed.attempts == 2 && failed.gaveUp && failed.lastError == "HTTP 500")
        }
    }

    @Test func aLeaseHidesDueCallbacksUntilItEnds() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPresenter(StubPresenter(), for: .sep24)
            try await store.transactions.insert(Self.deposit(onChange: "https://a.example/cb"))
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { $0.status = .pendingAnchor }
            let now = Date.now.addingTimeInterval(1)
            let leased = try await store.callbackOutbox.due(limit: 10, now: now, leaseUntil: now.addingTimeInterval(30))
            #expect(leased.count == 1)
            #expect(try await store.callbackOutbox.due(limit: 10, now: now.addingTimeInterval(29)) == [])
            #expect(try await store.callbackOutbox.due(limit: 10, now: now.addingTimeInterval(31)).count == 1)
            try await store.callbackOutbox.markDelivered(id: leased[0].id, at: now)
            #expect(try await store.callbackOutbox.due(limit: 10, now: now.addingTimeInterval(31)) == [])
            let delivered = try #require(try await store.callbackOutbox.all(transactionID: "t1").first)
            #expect(delivered.deliveredAt == now.roundedToMilliseconds && delivered.attempts == 1)
        }
    }
}
