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

    /// One of each filter's cases, a second apart: USDC deposit, withdrawal, SRT deposit, SEP-6 exchange, another owner's.
    static let mixed = [
        tx("d1", second: 1), tx("w1", kind: .withdrawal, second: 2), tx("d2", asset: "SRT", second: 3),
        tx("s6", kind: .depositExchange, protocol: .sep6, second: 4), tx("other", sub: muxed, second: 5),
    ]

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
            for row in Self.mixed { try await store.transactions.insert(row) }
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

    /// The versions list is the full list reduced to (id, version): same rows, same order, for every filter.
    @Test func versionsFollowTheListAndEveryChange() async throws {
        try await TemporaryStore.with { store, _ in
            for row in Self.mixed { try await store.transactions.insert(row) }
            _ = try await store.transactions.update(id: "w1", expectedVersion: nil, cause: "test") { $0.message = "changed" }
            let transactions = store.transactions
            let queries: [TransactionQuery] = [
                .init(limit: 10), .init(assetCode: "USDC", limit: 10), .init(kinds: [.withdrawal], limit: 10),
                .init(protocols: [.sep24], limit: 2), .init(limit: 10, pagingID: "d2"), .init(limit: 10, pagingID: "other"),
                .init(kinds: [], limit: 10), .init(limit: 0),
            ]
            for query in queries {
                let full = try await transactions.transactions(owner: Self.account, query: query)
                let versions = try await transactions.transactionVersions(owner: Self.account, query: query)
                #expect(versions == full.map { TransactionVersion(id: $0.id, version: $0.version) }, "\(query)")
            }
            let w1 = try await transactions.transactionVersions(owner: Self.account, query: .init(kinds: [.withdrawal], limit: 1))
            #expect(w1 == [TransactionVersion(id: "w1", version: 2)])
        }
    }

    @Test func loadingByIDsKeepsToTheOwner() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(Self.tx("mine", second: 1))
            try await store.transactions.insert(Self.tx("memo", sub: "\(Self.account):1", second: 2))
            try await store.transactions.insert(Self.tx("muxed", sub: Self.muxed, second: 3))
            let found = try await store.transactions.transactions(ids: ["mine", "memo", "muxed", "unknown"], owner: Self.account)
            #expect(found.map(\.id) == ["mine"])
            #expect(try await store.transactions.transactions(ids: [], owner: Self.account) == [])
        }
    }

    /// Migration 0011: the list is read in index order, with no sort of its own.
    @Test func theListQueryNeedsNoSort() async throws {
        try await TemporaryStore.with { store, _ in
            let plan = try await store.executor.read { sql in
                try await sql.raw("""
                    EXPLAIN QUERY PLAN SELECT id, version FROM transactions WHERE sub = 'G' AND asset_code = 'SRT'
                    AND protocol IN ('sep24') ORDER BY started_at DESC, id DESC LIMIT 50
                    """).all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: " | ")
            } as String?
            #expect(plan?.contains("transactions_sub_started_at_id_idx") == true, "\(plan ?? "")")
            #expect(plan?.contains("TEMP B-TREE") == false, "\(plan ?? "")")
        }
    }
}
