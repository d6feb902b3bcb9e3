import CapstanCore
import Foundation
import Testing
@testable import CapstanStore

@Suite struct TransactionQueryTests {
    static let account = TransactionStoreTests.account
    static let start = TransactionStoreTests.start
    static let muxed = "MAAAAAAAAAAAAAB7BQ2L7E5NBWMXDUCMZSIPOBKRDSBYVLMXGSSKF6YNPIB7Y77ITLVL6"

    static func tx(
        _ id: String, sub: String = account, kind: TransactionKind = .deposit, protocol: TransactionProtocol = .sep24,
        asset: String = "USDC", second: Double = 0
    ) -> Transaction {
        var tx = Transaction(
            id: id, kind: kind, protocol: `protocol`, sub: sub, assetCode: asset,
            status: kind == .receive ? .pendingSender : .incomplete, startedAt: start.addingTimeInterval(second))
        tx.stellarTransactionID = "hash-\(id)"
        tx.externalTransactionID = "ext-\(id)"
        return tx
    }

    /// SEP-24 "Shared, Omnibus, or Pooled Accounts": `G…`, `G…:memo` and `M…` are different users.
    @Test func lookupsAreScopedToTheExactSubject() async throws {
        try await TemporaryStore.with { store, _ in
            let owner = "\(Self.account):1"
            try await store.transactions.insert(Self.tx("a", sub: owner))
            let transactions = store.transactions
            for other in [Self.account, "\(Self.account):2", Self.muxed, "GSOMEONEELSE"] {
                #expect(try await transactions.transaction(id: "a", owner: other) == nil, "\(other)")
                #expect(try await transactions.transaction(stellarTransactionID: "hash-a", owner: other) == nil)
                #expect(try await transactions.transaction(externalTransactionID: "ext-a", owner: other) == nil)
            }
            #expect(try await transactions.transaction(id: "a", owner: owner)?.id == "a")
            #expect(try await transactions.transaction(stellarTransactionID: "hash-a", owner: owner)?.id == "a")
            #expect(try await transactions.transaction(externalTransactionID: "ext-a", owner: owner)?.id == "a")
            #expect(try await transactions.transaction(stellarTransactionID: "hash-zz", owner: owner) == nil)
        }
    }

    @Test func listsFilterByAssetKindProtocolAndAge() async throws {
        try await TemporaryStore.with { store, _ in
            let rows = [
                Self.tx("d1", second: 1), Self.tx("w1", kind: .withdrawal, second: 2), Self.tx("d2", asset: "SRT", second: 3),
                Self.tx("s6", kind: .depositExchange, protocol: .sep6, second: 4), Self.tx("other", sub: Self.muxed, second: 5),
            ]
            for row in rows { try await store.transactions.insert(row) }
            let transactions = store.transactions
            func ids(_ query: TransactionQuery) async throws -> [String] {
                try await transactions.transactions(owner: Self.account, query: query).map(\.id)
            }
            #expect(try await ids(.init(limit: 10)) == ["s6", "d2", "w1", "d1"])
            #expect(try await ids(.init(assetCode: "USDC", limit: 10)) == ["s6", "w1", "d1"])
            #expect(try await ids(.init(kinds: [.withdrawal], limit: 10)) == ["w1"])
            #expect(try await ids(.init(kinds: [.deposit, .withdrawal], protocols: [.sep24], limit: 10)) == ["d2", "w1", "d1"])
            #expect(try await ids(.init(protocols: [.sep6], limit: 10)) == ["s6"])
            // `no_older_than`: "transactions starting on or after this date & time".
            #expect(try await ids(.init(noOlderThan: Self.start.addingTimeInterval(2), limit: 10)) == ["s6", "d2", "w1"])
            #expect(try await ids(.init(limit: 2)) == ["s6", "d2"])
            #expect(try await ids(.init(limit: 0)) == [])
            #expect(try await ids(.init(kinds: [], limit: 10)) == [])
        }
    }

    /// SEP-24 `paging_id`: "The response should contain transactions starting prior to this ID (exclusive)."
    @Test func pagingWalksTheWholeListOnceEvenAcrossEqualStartTimes() async throws {
        try await TemporaryStore.with { store, _ in
            // Three share a start time, so only the id orders them.
            let seconds: [Double] = [0, 1, 1, 1, 2, 3, 3]
            for (index, second) in seconds.enumerated() {
                try await store.transactions.insert(Self.tx("t\(index)", second: second))
            }
            try await store.transactions.insert(Self.tx("mine-not", sub: Self.muxed, second: 9))
            let everything = try await store.transactions.transactions(owner: Self.account, query: .init(limit: 100)).map(\.id)
            #expect(everything == ["t6", "t5", "t4", "t3", "t2", "t1", "t0"])
            var seen: [String] = []
            var paging: String? = nil
            repeat {
                let page = try await store.transactions.transactions(owner: Self.account, query: .init(limit: 2, pagingID: paging))
                seen += page.map(\.id)
                paging = page.count == 2 ? page.last?.id : nil
            } while paging != nil
            #expect(seen == everything)
            // Another owner's id, or an unknown one, pages nothing.
            #expect(try await store.transactions.transactions(owner: Self.account, query: .init(limit: 10, pagingID: "mine-not")) == [])
            #expect(try await store.transactions.transactions(owner: Self.account, query: .init(limit: 10, pagingID: "nope")) == [])
        }
    }
}
