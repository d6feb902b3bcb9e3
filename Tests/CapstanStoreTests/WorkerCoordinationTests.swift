import CapstanCore
import Foundation
import Testing
@testable import CapstanStore

/// Withdraw memos and worker claims: the two places where concurrent callers must never get the same thing.
@Suite struct WorkerCoordinationTests {
    static let distribution = "GDISTRIBUTIONAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    static let otherAccount = "GOTHERDISTRIBUTIONAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    static func withdrawal(_ id: String, status: TransactionStatus = .incomplete) -> Transaction {
        Transaction(
            id: id, kind: .withdrawal, protocol: .sep24, sub: TransactionStoreTests.account, assetCode: "USDC", status: status,
            startedAt: TransactionStoreTests.start)
    }

    @Test func twoHundredConcurrentAssignmentsGetTwoHundredDistinctMemos() async throws {
        try await TemporaryStore.with { store, _ in
            for index in 0..<200 { try await store.transactions.insert(Self.withdrawal("w\(index)")) }
            let transactions = store.transactions
            let memos = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<200 {
                    group.addTask { try await transactions.assignWithdrawMemo(id: "w\(index)", account: Self.distribution).withdrawMemo }
                }
                return try await group.reduce(into: [String]()) { $0.append($1 ?? "") }
            }
            #expect(Set(memos).count == 200)
            #expect(memos.allSatisfy { UInt64($0) != nil })               // MEMO_ID: a uint64 in decimal
            let stored = try #require(try await transactions.transaction(id: "w0"))
            #expect(stored.withdrawAnchorAccount == Self.distribution && stored.withdrawMemoType == .id && stored.version == 2)
        }
    }

    @Test func assigningIsIdempotentPerAccountAndCountersArePerAccount() async throws {
        try await TemporaryStore.with { store, _ in
            for id in ["a", "b"] { try await store.transactions.insert(Self.withdrawal(id)) }
            let first = try await store.transactions.assignWithdrawMemo(id: "a", account: Self.distribution)
            let again = try await store.transactions.assignWithdrawMemo(id: "a", account: Self.distribution)
            #expect(again == first)
            await #expect(throws: TransactionUpdateError.memoForAnotherAccount(Self.distribution, transactionID: "a")) {
                try await store.transactions.assignWithdrawMemo(id: "a", account: Self.otherAccount)
            }
            let other = try await store.transactions.assignWithdrawMemo(id: "b", account: Self.otherAccount)
            #expect(first.withdrawMemo == "1" && other.withdrawMemo == "1")   // unique per receiving account
        }
    }

    @Test func aMemoTakenByHandIsSkipped() async throws {
        try await TemporaryStore.with { store, _ in
            var manual = Self.withdrawal("manual")
            manual.withdrawAnchorAccount = Self.distribution
            manual.withdrawMemo = "1"
            manual.withdrawMemoType = .id
            try await store.transactions.insert(manual)
            try await store.transactions.insert(Self.withdrawal("auto"))
            #expect(try await store.transactions.assignWithdrawMemo(id: "auto", account: Self.distribution).withdrawMemo == "2")
        }
    }

    @Test func onlyWithdrawalsTakeMemos() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(TransactionUpdateTests.deposit(id: "d"))
            await #expect(throws: TransactionUpdateError.notAWithdrawal(transactionID: "d")) {
                try await store.transactions.assignWithdrawMemo(id: "d", account: Self.distribution)
            }
        }
    }

    /// SEP-6 creates a withdrawal with its memo in one write: concurrent creations get distinct memos, each the one
    /// stored, and a creation that fails leaves no used counter value behind.
    @Test func withdrawalsCreatedWithTheirMemoAreAtomic() async throws {
        try await TemporaryStore.with { store, _ in
            let transactions = store.transactions
            let created = try await withThrowingTaskGroup(of: Transaction.self) { group in
                for index in 0..<50 {
                    var withdrawal = Self.withdrawal("n\(index)", status: .pendingUserTransferStart)
                    withdrawal.protocol = .sep6
                    group.addTask { [withdrawal] in try await transactions.insertWithdrawal(withdrawal, memoAccount: Self.distribution) }
                }
                return try await group.reduce(into: [Transaction]()) { $0.append($1) }
            }
            #expect(Set(created.compactMap(\.withdrawMemo)) == Set((1...50).map(String.init)))
            for transaction in created {
                let stored = try #require(try await transactions.transaction(id: transaction.id))
                #expect(stored.withdrawMemo == transaction.withdrawMemo && stored.withdrawAnchorAccount == Self.distribution)
                #expect(stored.withdrawMemoType == .id && stored.version == 1)
            }

            var again = Self.withdrawal("n0", status: .pendingUserTransferStart)
            again.protocol = .sep6
            await #expect(throws: StoreError.duplicate("transaction n0")) {
                try await transactions.insertWithdrawal(again, memoAccount: Self.distribution)
            }
            await #expect(throws: TransactionUpdateError.notAWithdrawal(transactionID: "d")) {
                try await transactions.insertWithdrawal(TransactionUpdateTests.deposit(id: "d"), memoAccount: Self.distribution)
            }
            let next = try await transactions.insertWithdrawal(Self.withdrawal("after"), memoAccount: Self.distribution)
            #expect(next.withdrawMemo == "51")                          // the failed creation's counter bump rolled back
        }
    }

    @Test func concurrentClaimsNeverShareARow() async throws {
        try await TemporaryStore.with { store, _ in
            for index in 0..<60 { try await store.transactions.insert(Self.withdrawal("c\(index)", status: .pendingUserTransferStart)) }
            try await store.transactions.insert(Self.withdrawal("other-status", status: .incomplete))
            let transactions = store.transactions
            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        try await transactions.claim(
                            status: .pendingUserTransferStart, kinds: [.withdrawal], limit: 10, leaseSeconds: 60, worker: "w\(worker)"
                        ).map(\.id)
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 60)
            #expect(Set(all).count == 60)
            #expect(!all.contains("other-status"))
            // Everything is leased now: a ninth worker finds nothing.
            #expect(try await transactions.claim(status: .pendingUserTransferStart, kinds: [.withdrawal], limit: 10, leaseSeconds: 60, worker: "late") == [])
        }
    }

    @Test func releasedOrExpiredLeasesCanBeClaimedAgain() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.withdrawal("r1", status: .pendingAnchor))
            try await store.transactions.insert(Self.withdrawal("r2", status: .pendingAnchor))
            let transactions = store.transactions
            let first = try await transactions.claim(status: .pendingAnchor, kinds: [.withdrawal, .withdrawalExchange], limit: 1, leaseSeconds: 60, worker: "a")
            #expect(first.map(\.id) == ["r1"])                            // oldest update first
            #expect(try await transactions.release(id: "r1", worker: "b") == false)
            #expect(try await transactions.release(id: "r1", worker: "a") == true)
            #expect(try await transactions.claim(status: .pendingAnchor, kinds: [.withdrawal], limit: 5, leaseSeconds: 0, worker: "b").count == 2)
            // A zero-second lease is already over: the rows are free again at once.
            #expect(try await transactions.claim(status: .pendingAnchor, kinds: [.withdrawal], limit: 5, leaseSeconds: 60, worker: "c").count == 2)
            #expect(try await transactions.claim(status: .pendingAnchor, kinds: [.deposit], limit: 5, leaseSeconds: 60, worker: "d") == [])
            // A claim is not a change: the version a worker read stays valid for its update.
            #expect(try await transactions.transaction(id: "r1")?.version == 1)
        }
    }
}
