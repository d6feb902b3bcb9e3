import CapstanCore
import Foundation
import Testing
@testable import CapstanStore

@Suite struct TransactionUpdateTests {
    static let account = TransactionStoreTests.account
    static let start = TransactionStoreTests.start

    static func deposit(id: String = "t1", sub: String = account, status: TransactionStatus = .incomplete) -> Transaction {
        Transaction(id: id, kind: .deposit, protocol: .sep24, sub: sub, assetCode: "USDC", status: status, startedAt: start)
    }

    @Test func anUpdateAppliesTheChangeAndOwnsVersionAndTimes() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit())
            let before = Date.now.addingTimeInterval(-1)
            let updated = try await store.transactions.update(id: "t1", expectedVersion: 1, cause: "test") {
                $0.status = .pendingUserTransferStart
                $0.amountIn = Amount("10")
                $0.updatedAt = Date(timeIntervalSince1970: 0)          // ignored: the store owns it
                $0.completedAt = Date(timeIntervalSince1970: 0)        // likewise
            }
            #expect(updated.version == 2)
            #expect(updated.updatedAt > before)
            #expect(updated.completedAt == nil)
            #expect(updated.amountIn == Amount("10"))
            #expect(try await store.transactions.transaction(id: "t1") == updated)
        }
    }

    /// SEP-24 `completed_at`: "The date and time of transaction reaching `completed` or `refunded` status."
    @Test func completedAtIsSetOnReachingCompletedOrRefunded() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit(status: .pendingStellar))
            let done = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "paid") { $0.status = .completed }
            #expect(done.completedAt == done.updatedAt)
            try await store.transactions.insert(Self.deposit(id: "t2", status: .pendingAnchor))
            let refunded = try await store.transactions.update(id: "t2", expectedVersion: nil, cause: "refund") { $0.status = .refunded }
            #expect(refunded.completedAt != nil)
        }
    }

    @Test func aStaleVersionIsAConflictAndChangesNothing() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit())
            _ = try await store.transactions.update(id: "t1", expectedVersion: 1, cause: "first") { $0.message = "one" }
            await #expect(throws: StoreError.self) {
                try await store.transactions.update(id: "t1", expectedVersion: 1, cause: "stale") {
                    $0.status = .pendingAnchor
                    $0.message = "two"
                }
            }
            let stored = try #require(try await store.transactions.transaction(id: "t1"))
            #expect(stored.version == 2 && stored.message == "one" && stored.status == .incomplete)
            #expect(try await store.transactions.history(id: "t1").count == 1)
        }
    }

    @Test func aMissingTransactionIsNotFound() async throws {
        try await TemporaryStore.with { store, _ in
            await #expect(throws: StoreError.notFound("transaction nope")) {
                try await store.transactions.update(id: "nope", expectedVersion: nil, cause: "x") { $0.message = "m" }
            }
        }
    }

    @Test func twoConcurrentUpdatesWithTheSameVersionHaveOneWinner() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit())
            let transactions = store.transactions
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await transactions.update(id: "t1", expectedVersion: 1, cause: "writer \(writer)") {
                                $0.status = .pendingUserTransferStart
                                $0.message = "writer \(writer)"
                            }
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let stored = try #require(try await store.transactions.transaction(id: "t1"))
            #expect(stored.version == 2)
            #expect(try await store.transactions.history(id: "t1").count == 2)
        }
    }

    @Test(arguments: ["id", "sub", "kind", "protocol", "version"])
    func fieldsFixedAtCreationCannotChange(_ field: String) async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit())
            await #expect(throws: TransactionUpdateError.immutableField(field, transactionID: "t1")) {
                try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "x") { tx in
                    switch field {
                    case "id": tx.id = "t2"
                    case "sub": tx.sub = "\(Self.account):1"
                    case "kind": tx.kind = .withdrawal
                    case "protocol": tx.protocol = .sep6
                    default: tx.version = 99
                    }
                }
            }
        }
    }

    @Test func aRefusedTransitionThrowsAndChangesNothing() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit(status: .pendingStellar))
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "paid") { $0.status = .completed }
            await #expect(throws: TransitionError(from: .completed, to: .pendingAnchor, kind: .deposit, protocol: .sep24)) {
                try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "undo") {
                    $0.status = .pendingAnchor
                    $0.message = "should not stick"
                }
            }
            let stored = try #require(try await store.transactions.transaction(id: "t1"))
            #expect(stored.status == .completed && stored.message == nil && stored.version == 2)
        }
    }

    @Test func insertRefusesAStatusTheKindNeverUses() async throws {
        try await TemporaryStore.with { store, _ in
            await #expect(throws: TransitionError(from: nil, to: .pendingSender, kind: .deposit, protocol: .sep24)) {
                try await store.transactions.insert(Self.deposit(status: .pendingSender))
            }
            let stored = try await store.transactions.transaction(id: "t1")
            #expect(stored == nil)
        }
    }

    @Test func historyRecordsCreationAndEveryStatusChangeWithItsCause() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.deposit())
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "form done") { $0.status = .pendingUserTransferStart }
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "no status change") { $0.message = "m" }
            let last = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "funds arrived") { $0.status = .pendingAnchor }
            let history = try await store.transactions.history(id: "t1")
            #expect(history.map(\.from) == [nil, .incomplete, .pendingUserTransferStart])
            #expect(history.map(\.to) == [.incomplete, .pendingUserTransferStart, .pendingAnchor])
            #expect(history.map(\.cause) == ["created", "form done", "funds arrived"])
            #expect(history.first?.at == Self.start.roundedToMilliseconds)
            #expect(history.last?.at == last.updatedAt)
            #expect(try await store.transactions.history(id: "unknown") == [])
        }
    }
}

extension Date {
    /// The value a store gives back for this date (dates are stored to the millisecond).
    var roundedToMilliseconds: Date { Date(storedMilliseconds: self.storedMilliseconds) }
}
