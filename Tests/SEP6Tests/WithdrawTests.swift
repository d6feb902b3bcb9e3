import CapstanCore
import Foundation
import Testing

@testable import SEP6

/// `GET /sep6/withdraw`, `/deposit-exchange` and `/withdraw-exchange`.
@Suite struct WithdrawTests {
    /// CONFORMANCE SEP-6 #18 and "Gotchas" 4: only the SEP's keys, the distribution account and a unique id memo.
    @Test func acceptedWithdrawalGetsTheAnchorsAccountAndAUniqueMemo() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let allowed: Set<String> = ["account_id", "memo_type", "memo", "id", "eta", "min_amount", "max_amount", "fee_fixed", "fee_percent", "extra_info"]
            var memos: Set<String> = []
            for _ in 0..<3 {
                let body = try await wallet.ok("withdraw", "asset_code=SRT&type=bank_account&dest=DE89370400440532013000&dest_extra=COBADEFFXXX&amount=50")
                #expect(Set(body.keys).isSubset(of: allowed))
                #expect(body["account_id"] as? String == Accounts.distribution && body["memo_type"] as? String == "id")
                memos.insert(try #require(body["memo"] as? String))
                let id = try #require(body["id"] as? String)
                let stored = try #require(try await fixture.store.transactions.transaction(id: id))
                #expect(stored.kind == .withdrawal && stored.status == .pendingUserTransferStart && stored.withdrawMemo == body["memo"] as? String)
                #expect(stored.to == "DE89370400440532013000" && stored.externalExtra == "COBADEFFXXX" && stored.from == Accounts.alice)
                #expect(stored.amountFee == Amount("0.75") && stored.type == "bank_account")
                let tx = try await wallet.transaction(id)
                #expect(tx["kind"] as? String == "withdrawal" && tx["from"] as? String == Accounts.alice)
                #expect(tx["withdraw_anchor_account"] as? String == Accounts.distribution && tx["withdraw_memo_type"] as? String == "id")
            }
            #expect(memos.count == 3)
        }
    }

    /// XLM with no distribution account has nowhere to be paid: refused before the plugin hears of it, nothing stored.
    @Test func aWithdrawalWithNoReceivingAccountIsRefusedWithNothingDone() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            try await fixture.store.assets.insert(Asset(
                code: "native", seps: [.sep6], deposit: .init(enabled: false), withdraw: .init(enabled: true)))
            let response = try await wallet.api(.get, "/sep6/withdraw?asset_code=native&type=cash&amount=5")
            #expect(response.status == .badRequest && response.text.contains("no receiving account"), "\(response.text)")
            let hooks = try #require(fixture.hooks as? ScriptedHooks)
            #expect(hooks.requests.withLock { $0.isEmpty })
            #expect(try await fixture.store.transactions.transactions(owner: Accounts.alice, limit: 10).isEmpty)
        }
    }

    @Test(arguments: [
        "type=bank_account", "asset_code=NOT_SUPPORTED&type=bank_account", "asset_code=DEP&type=bank_account",
        "asset_code=SRT&type=crypto", "asset_code=SRT&funding_method=crypto", "asset_code=SRT&type=cash&refund_memo=1",
        "asset_code=SRT&type=cash&refund_memo_type=id", "asset_code=SRT&type=cash&account=nobody", "asset_code=SRT&type=cash&amount=20000",
    ])
    func badWithdrawRequestsAre400(_ query: String) async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/withdraw?\(query)")
            #expect(response.status == .badRequest, "\(query): \(response.text)")
            #expect(try response.object()["error"] is String)
        }
    }

    @Test func customerInfoNeededStillNamesWhereToPay() async throws {
        let hooks = ScriptedHooks(withdraw: { _ in SEP6TransferReply(customerInfoNeeded: ["bank_account_number"]) })
        try await SEP6Fixture.with({ $0.hooks = hooks }) { _, wallet in
            let body = try await wallet.ok("withdraw", "asset_code=SRT&type=cash")
            #expect(body["account_id"] as? String == Accounts.distribution)
            let tx = try await wallet.transaction(try #require(body["id"] as? String))
            #expect(tx["status"] as? String == "pending_customer_info_update")
        }
    }

    // MARK: exchanges

    @Test(arguments: [
        "destination_asset=SRT&source_asset=iso4217:USD", "destination_asset=SRT&amount=10",
        "destination_asset=SRT&source_asset=USD&amount=10", "destination_asset=SRT&source_asset=iso4217:usd&amount=10",
        "source_asset=iso4217:USD&amount=10", "destination_asset=NOPE&source_asset=iso4217:USD&amount=10",
        "destination_asset=SRT&source_asset=iso4217:USD&amount=10&quote_id=unknown",
    ])
    func badDepositExchangesAre400(_ query: String) async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/deposit-exchange?\(query)")
            #expect(response.status == .badRequest, "\(query): \(response.text)")
        }
    }

    @Test func marketRateDepositExchange() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let body = try await wallet.ok("deposit-exchange", "destination_asset=SRT&source_asset=iso4217:BRL&amount=500")
            let storedID = try #require(body["id"] as? String)
            let stored = try #require(try await fixture.store.transactions.transaction(id: storedID))
            #expect(stored.kind == .depositExchange && stored.amountInAsset == "iso4217:BRL" && stored.amountOutAsset == "stellar:SRT:\(Accounts.issuer)")
            #expect(stored.amountIn == Amount("500") && stored.amountOut == nil && stored.quoteID == nil)
            let listed = try await wallet.ok("transactions", "asset_code=SRT&kind=deposit-exchange")
            #expect((listed["transactions"] as? [[String: Any]])?.first?["kind"] as? String == "deposit-exchange")
        }
    }

    @Test func firmQuotesAreCheckedAndApplied() async throws {
        let srt = "stellar:SRT:\(Accounts.issuer)"
        let fee = Transaction.FeeDetails(total: Amount("5")!, asset: "iso4217:BRL")
        let future = Date().addingTimeInterval(600), past = Date().addingTimeInterval(-1)
        let quotes = FixedQuotes(quotes: [
            "q-in": (Accounts.alice, SEP6Quote(id: "q-in", sellAsset: "iso4217:BRL", sellAmount: Amount("500")!, buyAsset: srt, buyAmount: Amount("95")!, fee: fee, expiresAt: future)),
            "q-out": (Accounts.alice, SEP6Quote(id: "q-out", sellAsset: srt, sellAmount: Amount("100")!, buyAsset: "iso4217:BRL", buyAmount: Amount("480")!, fee: fee, expiresAt: future)),
            "q-old": (Accounts.alice, SEP6Quote(id: "q-old", sellAsset: "iso4217:BRL", sellAmount: Amount("500")!, buyAsset: srt, buyAmount: Amount("95")!, fee: fee, expiresAt: past)),
            "q-bob": (Accounts.bob, SEP6Quote(id: "q-bob", sellAsset: "iso4217:BRL", sellAmount: Amount("500")!, buyAsset: srt, buyAmount: Amount("95")!, fee: fee, expiresAt: future)),
        ])
        try await SEP6Fixture.with({ $0.quotes = quotes }) { fixture, wallet in
            for (query, why) in [
                ("source_asset=iso4217:BRL&amount=400&quote_id=q-in", "amount differs"), ("source_asset=iso4217:USD&amount=500&quote_id=q-in", "asset differs"),
                ("source_asset=iso4217:BRL&amount=500&quote_id=q-old", "expired"), ("source_asset=iso4217:BRL&amount=500&quote_id=q-bob", "another owner's"),
            ] {
                let response = try await wallet.api(.get, "/sep6/deposit-exchange?destination_asset=SRT&\(query)")
                #expect(response.status == .badRequest, "\(why)")
            }
            let deposit = try await wallet.ok("deposit-exchange", "destination_asset=SRT&source_asset=iso4217:BRL&amount=500&quote_id=q-in")
            let storedID = try #require(deposit["id"] as? String)
            let stored = try #require(try await fixture.store.transactions.transaction(id: storedID))
            #expect(stored.quoteID == "q-in" && stored.amountOut == Amount("95") && stored.amountFee == Amount("5") && stored.userActionRequiredBy != nil)

            let withdrawal = try await wallet.ok("withdraw-exchange", "source_asset=SRT&destination_asset=iso4217:BRL&amount=100&quote_id=q-out&type=bank_account")
            #expect(withdrawal["memo_type"] as? String == "id")
            let outID = try #require(withdrawal["id"] as? String)
            let out = try #require(try await fixture.store.transactions.transaction(id: outID))
            #expect(out.kind == .withdrawalExchange && out.amountOut == Amount("480") && out.amountOutAsset == "iso4217:BRL")
        }
    }
}
