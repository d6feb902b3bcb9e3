import CapstanHTTP
import CapstanCore
import Foundation
import Testing

@testable import SEP6

/// `GET /sep6/deposit`: validation, the plugin's three answers, and what is stored.
@Suite struct DepositTests {
    /// CONFORMANCE SEP-6 #12 and "Gotchas" 4: 200 with `how` and `id`, plus the v4 `instructions`.
    @Test func acceptedDepositWaitsForTheTransfer() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let body = try await wallet.ok("deposit", "asset_code=SRT&amount=100&funding_method=SEPA&lang=en")
            let id = try #require(body["id"] as? String)
            #expect(body["how"] as? String == "Routing number: 121000358")
            #expect((body["instructions"] as? [String: [String: String]])?["organization.bank_number"] == ["value": "121000358", "description": "Routing number"])
            #expect(body["eta"] as? Int == 3600)
            #expect(body["fee_fixed"] as? Int == 1 && body["min_amount"] as? Int == 1)
            #expect((body["extra_info"] as? [String: String])?["message"] == "Include the reference")

            let stored = try #require(try await fixture.store.transactions.transaction(id: id))
            #expect(stored.protocol == .sep6 && stored.kind == .deposit && stored.status == .pendingUserTransferStart)
            #expect(stored.sub == Accounts.alice && stored.to == Accounts.alice && stored.fundingMethod == "SEPA")
            #expect(stored.amountIn == Amount("100") && stored.amountFee == Amount("2") && stored.amountOut == Amount("98"))
            #expect(stored.feeDetails?.asset == "stellar:SRT:\(Accounts.issuer)")
            #expect(try await fixture.store.transactions.history(id: id).map(\.to) == [.pendingUserTransferStart])

            let tx = try await wallet.transaction(id)
            #expect(tx["kind"] as? String == "deposit" && tx["status"] as? String == "pending_user_transfer_start")
            #expect(tx["amount_in"] as? String == "100" && tx["amount_fee"] as? String == "2" && tx["amount_out"] as? String == "98")
            #expect((tx["fee_details"] as? [String: Any])?["total"] as? String == "2")
            #expect((tx["instructions"] as? [String: Any])?["organization.bank_number"] != nil)
            #expect(tx["to"] as? String == Accounts.alice && tx["started_at"] is String && tx["status_eta"] as? Int == 3600)
        }
    }

    @Test func theHookSeesTheRequestTheTransactionAndTheWallet() async throws {
        let hooks = ScriptedHooks()
        try await SEP6Fixture.with({ $0.hooks = hooks }) { _, wallet in
            _ = try await wallet.start("deposit", sub: "\(Accounts.alice):42", "email_address=a%40b.example&type=SWIFT")
            let seen = try #require(hooks.requests.withLock { $0.first })
            #expect(seen.request["email_address"] == "a@b.example" && seen.request["type"] == "SWIFT")
            #expect(seen.auth == HookAuth(account: Accounts.alice, memo: "42", sub: "\(Accounts.alice):42", clientDomain: nil))
            #expect(seen.transaction.protocol == "sep6" && seen.transaction.kind == "deposit" && seen.transaction.status == "incomplete")
            // A shared account's user gets the memo that credits them.
            #expect(seen.transaction.depositMemo == "42" && seen.transaction.depositMemoType == "id")
        }
    }

    @Test func requiresSEP10() async throws {
        try await SEP6Fixture.with { _, wallet in
            for path in ["deposit", "withdraw", "deposit-exchange", "withdraw-exchange", "transaction", "transactions"] {
                let response = try await wallet.api(.get, "/sep6/\(path)?asset_code=SRT", sub: nil)
                #expect(response.status == .forbidden, "\(path)")
                #expect(try response.object()["type"] as? String == "authentication_required")
            }
            #expect(try await wallet.api(.patch, "/sep6/transactions/x", sub: nil, json: "{}").status == .forbidden)
        }
    }

    /// CONFORMANCE SEP-6 #8, #11, and every parameter rule of the SEP.
    @Test(arguments: [
        "account=\(Accounts.alice)", "asset_code=NOT_SUPPORTED", "asset_code=WEB", "asset_code=srt",
        "asset_code=SRT&amount=0.5", "asset_code=SRT&amount=10001", "asset_code=SRT&amount=0", "asset_code=SRT&amount=ten",
        "asset_code=SRT&account=GABC", "asset_code=SRT&account=\(Accounts.alice):5",
        "asset_code=SRT&account=CA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUWDA",
        "asset_code=SRT&memo_type=number&memo=1", "asset_code=SRT&memo_type=id&memo=abc", "asset_code=SRT&memo_type=hash&memo=abc",
        "asset_code=SRT&memo=this%20text%20memo%20is%20far%20too%20long%20for%20stellar",
        "asset_code=SRT&funding_method=PIGEON", "asset_code=SRT&type=PIGEON", "asset_code=SRT&claimable_balance_supported=maybe",
        "asset_code=SRT&country_code=US", "asset_code=SRT&on_change_callback=ftp://wallet.example/cb", "asset_code=SRT&quote_id=q1",
    ])
    func badDepositRequestsAre400(_ query: String) async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let response = try await wallet.api(.get, "/sep6/deposit?\(query)")
            #expect(response.status == .badRequest, "\(query): \(response.text)")
            #expect(try response.object()["error"] is String)
            let stored = try await fixture.store.transactions.transactions(owner: Accounts.alice, limit: 10)
            #expect(stored.isEmpty)
        }
    }

    @Test func errorsFollowLang() async throws {
        try await SEP6Fixture.with { _, wallet in
            let response = try await wallet.api(.get, "/sep6/deposit?asset_code=NOPE&lang=es")
            #expect(try response.object()["error"] as? String == "NOPE no es un activo que este ancla ofrezca por SEP-6")
        }
    }

    @Test func theAnchorsRefusalIsA400AndStoresNothing() async throws {
        let hooks = ScriptedHooks(deposit: { _ in throw SEP6HookRejection(message: "deposits are paused") })
        try await SEP6Fixture.with({ $0.hooks = hooks }) { fixture, wallet in
            let response = try await wallet.api(.get, "/sep6/deposit?asset_code=SRT")
            #expect(response.status == .badRequest)
            #expect(try response.object()["error"] as? String == "deposits are paused")
            #expect(try await fixture.store.transactions.transactions(owner: Accounts.alice, limit: 10).isEmpty)
        }
    }

    @Test func noPluginMeansNoDeposits() async throws {
        try await SEP6Fixture.with({ $0.hooks = BuiltInSEP6Hooks() }) { _, wallet in
            let deposit = try await wallet.api(.get, "/sep6/deposit?asset_code=SRT")
            let withdraw = try await wallet.api(.get, "/sep6/withdraw?asset_code=SRT")
            #expect(deposit.status == .badRequest && withdraw.status == .badRequest)
        }
    }

    @Test func aFailingPluginIs503() async throws {
        let hooks = ScriptedHooks(deposit: { _ in throw SEP6HookFailure(temporary: true) })
        try await SEP6Fixture.with({ $0.hooks = hooks }) { _, wallet in
            let response = try await wallet.api(.get, "/sep6/deposit?asset_code=SRT")
            #expect(response.status == .serviceUnavailable)
        }
    }

    /// SEP-6 v4: customer information still needed is a 200 and a transaction in `pending_customer_info_update`.
    @Test func customerInfoNeededWaitsInPendingCustomerInfoUpdate() async throws {
        let hooks = ScriptedHooks(deposit: { _ in
            SEP6TransferReply(instructions: ["organization.bank_number": .init(value: "1", description: "Routing")], customerInfoNeeded: ["first_name", "last_name"])
        })
        try await SEP6Fixture.with({ $0.hooks = hooks }) { _, wallet in
            let body = try await wallet.ok("deposit", "asset_code=SRT")
            #expect(body["how"] is String && body["instructions"] == nil)
            let tx = try await wallet.transaction(try #require(body["id"] as? String))
            #expect(tx["status"] as? String == "pending_customer_info_update")
            #expect(tx["required_customer_info_updates"] as? [String] == ["first_name", "last_name"])
            #expect(Set(((tx["required_info_updates"] as? [String: Any]) ?? [:]).keys) == ["first_name", "last_name"])
            #expect(tx["required_info_message"] is String && tx["instructions"] == nil)
        }
    }

    @Test func legacyModeAnswersTheDeprecated403() async throws {
        let hooks = ScriptedHooks(
            deposit: { request in
                request.request["amount"] == nil
                    ? SEP6TransferReply(customerInfoNeeded: ["first_name"])
                    : SEP6TransferReply(eta: 60, customerInfoStatus: "denied", moreInfoURL: "https://anchor.example/kyc")
            })
        try await SEP6Fixture.with({ $0.hooks = hooks; $0.settings.legacyCustomerInfoStatus = true }) { fixture, wallet in
            let needed = try await wallet.api(.get, "/sep6/deposit?asset_code=SRT")
            #expect(needed.status == .forbidden)
            #expect(needed.text == #"{"type":"non_interactive_customer_info_needed","fields":["first_name"]}"#)
            let status = try await wallet.api(.get, "/sep6/deposit?asset_code=SRT&amount=10")
            #expect(status.status == .forbidden)
            #expect(status.text == #"{"type":"customer_info_status","status":"denied","more_info_url":"https://anchor.example/kyc","eta":60}"#)
            #expect(try await fixture.store.transactions.transactions(owner: Accounts.alice, limit: 10).isEmpty)
        }
    }

    @Test func anotherDestinationAndItsMemo() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let id = try await wallet.start("deposit", "account=\(Accounts.muxed)&memo_type=hash&memo=\("A".padding(toLength: 43, withPad: "A", startingAt: 0))=&claimable_balance_supported=true")
            let stored = try #require(try await fixture.store.transactions.transaction(id: id))
            #expect(stored.to == Accounts.muxed && stored.depositMemoType == .hash && stored.claimableBalanceSupported)
        }
    }

    @Test func thePluralClaimableBalanceSpellingIsAccepted() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let id = try await wallet.start("deposit", "claimable_balances_supported=true")
            #expect(try await fixture.store.transactions.transaction(id: id)?.claimableBalanceSupported == true)
        }
    }

    @Test func onChangeCallbacksCarryTheSEP6Object() async throws {
        try await SEP6Fixture.with { fixture, wallet in
            let id = try await wallet.start("deposit", "on_change_callback=https%3A%2F%2Fwallet.example%2Fcb")
            #expect(try await fixture.store.callbackOutbox.all(transactionID: id).isEmpty)     // creation: the wallet has the answer
            _ = try await fixture.store.transactions.update(id: id, expectedVersion: nil, cause: "test") { $0.status = .pendingAnchor }
            let sent = try #require(try await fixture.store.callbackOutbox.all(transactionID: id).first)
            #expect(sent.url == "https://wallet.example/cb")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(sent.body.utf8)) as? [String: [String: Any]])
            #expect(object["transaction"]?["id"] as? String == id && object["transaction"]?["status"] as? String == "pending_anchor")
        }
    }
}
