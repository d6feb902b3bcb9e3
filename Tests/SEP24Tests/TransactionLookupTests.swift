import CapstanCore
import Foundation
import Testing

@testable import SEP24

/// `GET /sep24/transaction` and `GET /sep24/transactions`, above all their scoping by the full JWT `sub`.
@Suite struct TransactionLookupTests {
    @Test func transactionRequiresAuthentication() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, _) = try await wallet.start()
            #expect(try await wallet.api(.get, "/sep24/transaction?id=\(id)").status == .forbidden)
            #expect(try await wallet.api(.get, "/sep24/transactions?asset_code=SRT").status == .forbidden)
        }
    }

    /// SEP-24 "Shared, Omnibus, or Pooled Accounts": the anchor "should use this `sub` attribute in their data model
    /// to identify unique users". Two memos of one account, and the bare account, see nothing of each other.
    @Test func twoMemosOfOneAccountAreTwoUsers() async throws {
        try await SEP24Fixture.with { _, wallet in
            let first = "\(Accounts.alice):1", second = "\(Accounts.alice):2"
            let (mine, _) = try await wallet.start(sub: first)
            let (theirs, _) = try await wallet.start(sub: second)
            for (sub, visible, hidden) in [(first, mine, theirs), (second, theirs, mine)] {
                #expect(try await wallet.api(.get, "/sep24/transaction?id=\(visible)", sub: sub).status == .ok)
                let other = try await wallet.api(.get, "/sep24/transaction?id=\(hidden)", sub: sub)
                #expect(other.status == .notFound)
                let list = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT", sub: sub).object()
                #expect((list["transactions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [visible])
            }
            #expect(try await wallet.api(.get, "/sep24/transaction?id=\(mine)", sub: Accounts.alice).status == .notFound)
            let bare = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT", sub: Accounts.alice).object()
            #expect((bare["transactions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func lookupsByStellarAndExternalIDs() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (id, _) = try await wallet.start()
            let hash = "021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999"
            _ = try await fixture.store.transactions.update(id: id, expectedVersion: nil, cause: "test") {
                $0.stellarTransactionID = hash
                $0.externalTransactionID = "BANK-77"
            }
            for query in ["stellar_transaction_id=\(hash)", "external_transaction_id=BANK-77"] {
                let response = try await wallet.api(.get, "/sep24/transaction?\(query)", sub: Accounts.alice)
                #expect(try (response.object()["transaction"] as? [String: Any])?["id"] as? String == id)
                #expect(try await wallet.api(.get, "/sep24/transaction?\(query)", sub: Accounts.bob).status == .notFound)
            }
        }
    }

    /// CONFORMANCE #26–#28.
    @Test(arguments: [
        "id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "external_transaction_id=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        "stellar_transaction_id=021581089cb614be94b0ac5dc71cadf23a1cd96a2584152268de505ee2e5e999", "id=not-an-id",
    ])
    func unknownTransactionsAre404(_ query: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep24/transaction?\(query)", sub: Accounts.alice)
            #expect(response.status == .notFound)
            #expect(try response.object()["error"] is String)
        }
    }

    @Test func transactionNeedsAnIdentifier() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep24/transaction", sub: Accounts.alice)
            #expect(response.status == .badRequest)
        }
    }

    /// CONFORMANCE "Gotchas" 6: `more_info_url` and a non-null `to` (deposit) / `from` (withdrawal) even while
    /// `incomplete`, and no `null` where the suite types a plain string.
    @Test func transactionObjectsCarryWhatTheSchemaRequires() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (deposit, _) = try await wallet.start("deposit")
            let (withdrawal, _) = try await wallet.start("withdraw")
            let list = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT", sub: Accounts.alice)
            #expect(!list.text.contains("null"))
            let items = try #require(try list.object()["transactions"] as? [[String: Any]])
            for item in items {
                #expect(item["more_info_url"] is String)
                #expect(item["started_at"] is String)
                #expect(item["refunded"] as? Bool == false)
                if item["id"] as? String == deposit { #expect(item["to"] as? String == Accounts.alice) }
                if item["id"] as? String == withdrawal { #expect(item["from"] as? String == Accounts.alice) }
            }
            #expect(Set(items.compactMap { $0["id"] as? String }) == [deposit, withdrawal])
        }
    }

    @Test func transactionsNeedAKnownAssetCode() async throws {
        try await SEP24Fixture.with { _, wallet in
            let missing = try await wallet.api(.get, "/sep24/transactions", sub: Accounts.alice)
            let unknown = try await wallet.api(.get, "/sep24/transactions?asset_code=BADCODE", sub: Accounts.alice)
            #expect(missing.status == .badRequest && unknown.status == .badRequest)
        }
    }

    @Test func emptyListForAnAccountWithNoTransactions() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT", sub: Accounts.carol)
            #expect(response.status == .ok)
            #expect(response.text == #"{"transactions":[]}"#)
        }
    }

    /// CONFORMANCE #35–#39: `limit`, descending order, `no_older_than` (inclusive), `kind`; plus `paging_id`.
    @Test func filtersOrderAndPaging() async throws {
        try await SEP24Fixture.with { _, wallet in
            var ids: [String] = []
            for kind in ["deposit", "withdraw", "deposit", "withdraw"] {
                ids.append(try await wallet.start(kind).id)
                try await Task.sleep(for: .milliseconds(5))      // distinct started_at
            }
            func list(_ query: String) async throws -> [[String: Any]] {
                let response = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT&\(query)", sub: Accounts.alice)
                #expect(response.status == .ok, "\(query): \(response.text)")
                return try #require(try response.object()["transactions"] as? [[String: Any]])
            }
            let all = try await list("")
            #expect(all.compactMap { $0["id"] as? String } == ids.reversed())
            let starts = all.compactMap { $0["started_at"] as? String }
            #expect(starts == starts.sorted(by: >))
            #expect(try await list("limit=1").count == 1)
            #expect(try await list("kind=withdrawal").allSatisfy { $0["kind"] as? String == "withdrawal" })
            #expect(try await list("kind=deposit").count == 2)
            let cutoff = starts[2]
            let recent = try await list("no_older_than=\(cutoff)")
            #expect(recent.count == 3)
            let page = try await list("paging_id=\(ids[2])")
            #expect(page.compactMap { $0["id"] as? String } == [ids[1], ids[0]])
        }
    }

    /// Listed objects are kept rendered by version: a second poll must still show every change, and each listed
    /// object must be exactly what `GET /transaction` says of it.
    @Test func theListShowsEveryChangeBetweenPolls() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (first, _) = try await wallet.start()
            let (second, _) = try await wallet.start("withdraw")
            func listed() async throws -> [String: [String: Any]] {
                let response = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT", sub: Accounts.alice)
                let objects = try #require(try response.object()["transactions"] as? [[String: Any]])
                return Dictionary(uniqueKeysWithValues: objects.map { ($0["id"] as? String ?? "", $0) })
            }
            #expect(try await listed()[first]?["status"] as? String == "incomplete")
            _ = try await fixture.store.transactions.update(id: first, expectedVersion: nil, cause: "test") {
                $0.status = .pendingUserTransferStart
                $0.message = "changed after the first poll"
            }
            let now = try await listed()
            #expect(now[first]?["status"] as? String == "pending_user_transfer_start")
            #expect(now[first]?["message"] as? String == "changed after the first poll")
            #expect(now[second]?["status"] as? String == "incomplete")
            for id in [first, second] {
                let single = try await wallet.api(.get, "/sep24/transaction?id=\(id)", sub: Accounts.alice).object()
                let object = try #require(single["transaction"] as? [String: Any])
                let sorted = { (value: Any) in try JSONSerialization.data(withJSONObject: value, options: .sortedKeys) }
                #expect(try sorted(object) == sorted(try #require(now[id])), "\(id)")
            }
        }
    }

    @Test func limitIsClampedToTheConfiguredMaximum() async throws {
        try await SEP24Fixture.with({ $0.maxLimit = 2 }) { _, wallet in
            for _ in 0..<3 { _ = try await wallet.start() }
            let list = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT&limit=50", sub: Accounts.alice).object()
            #expect((list["transactions"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: ["limit=0", "limit=-3", "limit=ten", "kind=refund", "no_older_than=yesterday"])
    func badListQueriesAre400(_ query: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep24/transactions?asset_code=SRT&\(query)", sub: Accounts.alice)
            #expect(response.status == .badRequest)
        }
    }

    @Test func callbacksRenderTheTransactionObject() async throws {
        try await SEP24Fixture.with { fixture, wallet in
            let (id, _) = try await wallet.start()
            let transaction = try #require(try await fixture.store.transactions.transaction(id: id))
            let body = try fixture.routes().presenter.callbackBody(for: transaction)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            let inner = try #require(object["transaction"] as? [String: Any])
            #expect(inner["id"] as? String == id)
            #expect((inner["more_info_url"] as? String)?.contains("/sep24/more_info/\(id)?key=") == true)
        }
    }
}
