import CapstanCore
import Foundation
import Testing

@testable import SEP6

/// `GET /sep6/transaction`, `GET /sep6/transactions` and `PATCH /sep6/transactions/:id`, above all their scoping by
/// the full JWT `sub`.
@Suite struct TransactionsTests {
    /// SEP-6 "Shared, Omnibus, or Pooled Accounts": two memos of one account, and the bare account, are three users.
    @Test func anotherSubjectsTransactionIs404() async throws {
        try await SEP6Fixture.with { _, wallet in
            let first = "\(Accounts.alice):1", second = "\(Accounts.alice):2"
            let mine = try await wallet.start(sub: first)
            let theirs = try await wallet.start("withdraw", sub: second)
            for (sub, visible, hidden) in [(first, mine, theirs), (second, theirs, mine)] {
                #expect(try await wallet.api(.get, "/sep6/transaction?id=\(visible)", sub: sub).status == .ok)
                #expect(try await wallet.api(.get, "/sep6/transaction?id=\(hidden)", sub: sub).status == .notFound)
                let list = try await wallet.ok("transactions", "asset_code=SRT", sub: sub)
                #expect((list["transactions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [visible])
            }
            #expect(try await wallet.api(.get, "/sep6/transaction?id=\(mine)", sub: Accounts.alice).status == .notFound)
            #expect(try await wallet.api(.get, "/sep6/transaction?id=\(mine)", sub: Accounts.bob).status == .notFound)
            let bare = try await wallet.api(.get, "/sep6/transactions?asset_code=SRT", sub: Accounts.alice)
            #expect(bare.text == #"{"transactions":[]}"#)
        }
    }

    @Test func lookupsByStellarAndExternalIDs() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let id = try await wallet.start()
            let hash = "021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999"
            _ = try await fixture.store.transactions.update(id: id, expectedVersion: nil, cause: "test") {
                $0.stellarTransactionID = hash
                $0.externalTransactionID = "BANK-77"
            }
            for query in ["stellar_transaction_id=\(hash)", "external_transaction_id=BANK-77"] {
                let tx = try #require(try await wallet.ok("transaction", query)["transaction"] as? [String: Any])
                #expect(tx["id"] as? String == id && tx["stellar_transaction_id"] as? String == hash)
                #expect(try await wallet.api(.get, "/sep6/transaction?\(query)", sub: Accounts.bob).status == .notFound)
            }
        }
    }

    /// CONFORMANCE SEP-6 #24–#26.
    @Test(arguments: [
        "id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "external_transaction_id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        "stellar_transaction_id=021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999",
    ])
    func unknownTransactionsAre404(_ query: String) async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/transaction?\(query)")
            #expect(response.status == .notFound)
            #expect(try response.object()["error"] is String)
        }
    }

    @Test func transactionNeedsAnIdentifier() async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/transaction")
            #expect(response.status == .badRequest)
        }
    }

    /// SEP-24 transactions of the same wallet never show through SEP-6.
    @Test func otherProtocolsStayOut() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let web = Transaction(kind: .deposit, protocol: .sep24, sub: Accounts.alice, assetCode: "SRT", status: .incomplete, startedAt: Date())
            try await fixture.store.transactions.insert(web)
            #expect(try await wallet.api(.get, "/sep6/transaction?id=\(web.id)").status == .notFound)
            #expect((try await wallet.ok("transactions", "asset_code=SRT")["transactions"] as? [Any])?.isEmpty == true)
        }
    }

    /// CONFORMANCE SEP-6 #28–#36, plus `paging_id`, repeated `kind` and the `account` check.
    @Test func filtersOrderAndPaging() async throws {
        try await SEP6Fixture.with { _, wallet in
            var ids: [String] = []
            for kind in ["deposit", "withdraw", "deposit", "withdraw"] {
                ids.append(try await wallet.start(kind))
                try await Task.sleep(for: .milliseconds(5))      // distinct started_at
            }
            func list(_ query: String) async throws -> [[String: Any]] {
                try #require(try await wallet.ok("transactions", "asset_code=SRT&account=\(Accounts.alice)&\(query)")["transactions"] as? [[String: Any]])
            }
            let all = try await list("")
            #expect(all.compactMap { $0["id"] as? String } == ids.reversed())
            let starts = all.compactMap { $0["started_at"] as? String }
            #expect(starts == starts.sorted(by: >))
            #expect(try await list("limit=1").count == 1)
            #expect(try await list("kind=withdrawal").compactMap { $0["id"] as? String } == [ids[3], ids[1]])
            #expect(try await list("kind=deposit&kind=withdrawal").count == 4)
            #expect(try await list("kind=deposit,withdrawal-exchange").count == 2)
            #expect(try await list("no_older_than=\(starts[2])").count == 3)
            #expect(try await list("paging_id=\(ids[2])").compactMap { $0["id"] as? String } == [ids[1], ids[0]])
            #expect(try await list("paging_id=\(ids[2])&limit=1").compactMap { $0["id"] as? String } == [ids[1]])
            let other = try await wallet.api(.get, "/sep6/transactions?asset_code=SRT&account=\(Accounts.bob)")
            #expect(other.status == .forbidden)
        }
    }

    /// Listed objects are kept rendered by version: a later poll shows every change, and each listed object is
    /// exactly what `GET /transaction` says of it.
    @Test func theListShowsEveryChangeBetweenPolls() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let first = try await wallet.start()
            let second = try await wallet.start("withdraw")
            func listed() async throws -> [String: [String: Any]] {
                let objects = try #require(try await wallet.ok("transactions", "asset_code=SRT")["transactions"] as? [[String: Any]])
                return Dictionary(uniqueKeysWithValues: objects.map { ($0["id"] as? String ?? "", $0) })
            }
            let before = try await listed()
            _ = try await fixture.store.transactions.update(id: first, expectedVersion: nil, cause: "test") {
                $0.message = "changed after the first poll"
                $0.externalTransactionID = "BANK-1"
            }
            let now = try await listed()
            #expect(before[first]?["message"] as? String != "changed after the first poll")
            #expect(now[first]?["message"] as? String == "changed after the first poll")
            #expect(now[first]?["external_transaction_id"] as? String == "BANK-1")
            for id in [first, second] {
                let single = try #require(try await wallet.ok("transaction", "id=\(id)")["transaction"] as? [String: Any])
                let sorted = { (value: Any) in try JSONSerialization.data(withJSONObject: value, options: .sortedKeys) }
                #expect(try sorted(single) == sorted(try #require(now[id])), "\(id)")
            }
        }
    }

    @Test func limitIsClampedToTheConfiguredMaximum() async throws {
        try await SEP6Fixture.with({ $0.settings.transactionsMaxLimit = 2 }) { _, wallet in
            for _ in 0..<3 { _ = try await wallet.start() }
            let list = try await wallet.ok("transactions", "asset_code=SRT&limit=50")
            #expect((list["transactions"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: [
        "asset_code=SRT&limit=0", "asset_code=SRT&limit=-3", "asset_code=SRT&limit=ten", "asset_code=SRT&kind=receive",
        "asset_code=SRT&kind=refund", "asset_code=SRT&no_older_than=yesterday", "asset_code=NOPE", "kind=deposit",
    ])
    func badListQueriesAre400(_ query: String) async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/transactions?\(query)")
            #expect(response.status == .badRequest, "\(query)")
        }
    }

    // MARK: PATCH

    /// Puts a withdrawal into `pending_transaction_info_update` asking for `dest` (required) and `dest_extra`.
    static func askForInfo(_ fixture: SEP6Fixture, _ id: String) async throws {
        _ = try await fixture.store.transactions.update(id: id, expectedVersion: nil, cause: "test") {
            $0.status = .pendingAnchor
        }
        _ = try await fixture.store.transactions.update(id: id, expectedVersion: nil, cause: "test") {
            $0.status = .pendingTransactionInfoUpdate
            $0.requiredInfoMessage = "The bank refused the account number"
            $0.requiredInfoUpdates = ["dest": .init(description: "IBAN"), "dest_extra": .init(description: "BIC", optional: true)]
        }
    }

    @Test func patchSuppliesRequestedInfoAndGoesBackToPendingAnchor() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let id = try await wallet.start("withdraw")
            try await Self.askForInfo(fixture, id)
            let asked = try await wallet.transaction(id)
            #expect(asked["status"] as? String == "pending_transaction_info_update")
            #expect(asked["required_info_message"] as? String == "The bank refused the account number")
            #expect((asked["required_info_updates"] as? [String: [String: Any]])?["dest_extra"]?["optional"] as? Bool == true)

            let missing = try await wallet.api(.patch, "/sep6/transactions/\(id)", json: #"{"transaction":{"dest_extra":"X"}}"#)
            #expect(missing.status == .badRequest)
            let extra = try await wallet.api(.patch, "/sep6/transactions/\(id)", json: #"{"transaction":{"dest":"NL91","pin":"1234"}}"#)
            #expect(extra.status == .badRequest)
            for body in ["{}", "[]", #"{"transaction":{"dest":{"nested":1}}}"#, "not json"] {
                #expect(try await wallet.api(.patch, "/sep6/transactions/\(id)", json: body).status == .badRequest, "\(body)")
            }
            #expect(try await wallet.api(.patch, "/sep6/transactions/\(id)", sub: Accounts.bob, json: #"{"transaction":{"dest":"NL91"}}"#).status == .notFound)

            let response = try await wallet.api(.patch, "/sep6/transactions/\(id)", json: #"{"transaction":{"dest":"NL91ABNA0417164300"}}"#)
            #expect(response.status == .ok, "\(response.text)")
            let tx = try #require(try response.object()["transaction"] as? [String: Any])
            #expect(tx["status"] as? String == "pending_anchor" && tx["to"] as? String == "NL91ABNA0417164300")
            #expect(tx["required_info_updates"] == nil)
            let kept = try #require(try await fixture.store.pluginKeyValues.value(plugin: "capstan.sep6", key: "patch:\(id)"))
            #expect(String(decoding: kept, as: UTF8.self) == #"{"dest":"NL91ABNA0417164300"}"#)
            #expect(try await fixture.store.transactions.history(id: id).last?.to == .pendingAnchor)
        }
    }

    @Test func patchOutsidePendingTransactionInfoUpdateIs400() async throws {
        try await SEP6Fixture.with { _, wallet in
            let id = try await wallet.start("withdraw")
            let response = try await wallet.api(.patch, "/sep6/transactions/\(id)", json: #"{"transaction":{"dest":"NL91"}}"#)
            #expect(response.status == .badRequest)
            #expect(try response.object()["error"] is String)
            #expect(try await wallet.transaction(id)["status"] as? String == "pending_user_transfer_start")
            #expect(try await wallet.api(.patch, "/sep6/transactions/unknown", json: #"{"transaction":{"dest":"NL91"}}"#).status == .notFound)
        }
    }

    @Test func preflightKnowsEveryRoute() async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.client.execute(uri: "/sep6/transactions/abc", method: .options, headers: [:], body: nil)
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowMethods]?.contains("PATCH") == true)
            #expect(try await wallet.api(.post, "/sep6/deposit").status == .methodNotAllowed)
        }
    }
}
