import CapstanCore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import SEP24

/// `POST /sep24/transactions/{deposit,withdraw}/interactive`.
@Suite struct InteractiveStartTests {
    /// SEP-24 "Interactive customer information needed": `{type, url, id}` and nothing else (CONFORMANCE #9, #13),
    /// and "transaction must exist immediately with status `incomplete`".
    @Test(arguments: ["deposit", "withdraw"])
    func startAnswersInteractiveAndStoresIncomplete(_ kind: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(
                .post, "/sep24/transactions/\(kind)/interactive", sub: Accounts.alice, json: ["asset_code": "SRT", "account": Accounts.alice])
            #expect(response.status == .ok)
            let body = try response.object()
            #expect(Set(body.keys) == ["type", "url", "id"])
            #expect(body["type"] as? String == "interactive_customer_info_needed")
            let id = try #require(body["id"] as? String)
            let url = try #require(body["url"] as? String)
            #expect(url.hasPrefix("http://anchor.test/sep24/interactive/\(id)?token="))
            let transaction = try await wallet.transaction(id)
            #expect(transaction["status"] as? String == "incomplete")
            #expect(transaction["kind"] as? String == (kind == "deposit" ? "deposit" : "withdrawal"))
            #expect((transaction["more_info_url"] as? String)?.hasPrefix("http://anchor.test/sep24/more_info/\(id)?key=") == true)
            #expect(transaction[kind == "deposit" ? "to" : "from"] as? String == Accounts.alice)
        }
    }

    @Test(arguments: ["deposit", "withdraw"])
    func startRequiresAuthentication(_ kind: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.post, "/sep24/transactions/\(kind)/interactive", json: ["asset_code": "SRT"])
            #expect(response.status == .forbidden)
            #expect(try response.object()["type"] as? String == "authentication_required")
        }
    }

    @Test func aForgedTokenIsRefused() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(
                .post, "/sep24/transactions/deposit/interactive", json: ["asset_code": "SRT"], headers: [.authorization: "Bearer not.a.jwt"])
            #expect(response.status == .forbidden)
        }
    }

    @Test(arguments: [
        (["account": Accounts.alice], "asset_code is required"),
        (["asset_code": "NOT_SUPPORTED"], "unsupported asset: NOT_SUPPORTED"),
        (["asset_code": "OLD"], "unsupported asset: OLD"),
        (["asset_code": "SRT", "account": "not a valid account"], "account must be"),
        (["asset_code": "SRT", "account": "CA3D5KRYM6CB7OWQ6TWYRR3Z4T7GNZLKERYNZGGA5SOAOPIFY6YQGAXE"], "contract accounts"),
        (["asset_code": "SRT", "amount": "abc"], "amount must be"),
        (["asset_code": "SRT", "amount": "0.5"], "below the minimum"),
        (["asset_code": "SRT", "amount": "10000.01"], "above the maximum"),
        (["asset_code": "SRT", "quote_id": "q1"], "quote_id"),
        (["asset_code": "SRT", "source_asset": "iso4217:USD"], "source_asset"),
        (["asset_code": "SRT", "asset_issuer": Accounts.bob], "asset_issuer"),
        (["asset_code": "SRT", "memo": "12x", "memo_type": "id"], "not a valid id memo"),
        (["asset_code": "SRT", "memo": "1", "memo_type": "number"], "memo_type"),
        (["asset_code": "SRT", "memo": String(repeating: "m", count: 29)], "not a valid text memo"),
        (["asset_code": "SRT", "claimable_balance_supported": "maybe"], "claimable_balance_supported"),
    ] as [([String: String], String)])
    func depositRefusesBadRequests(_ fields: [String: String], _ message: String) async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.post, "/sep24/transactions/deposit/interactive", sub: Accounts.alice, json: fields)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let error = try #require(try response.object()["error"] as? String)
            #expect(error.contains(message), "\(error)")
        }
    }

    @Test func withdrawRefusesAnAssetWithoutWithdrawals() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.post, "/sep24/transactions/withdraw/interactive", sub: Accounts.alice, json: ["asset_code": "DEP"])
            #expect(response.status == .badRequest)
            #expect(try response.object()["error"] as? String == "withdraw is not available for DEP")
        }
    }

    @Test func refundMemoNeedsItsType() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(
                .post, "/sep24/transactions/withdraw/interactive", sub: Accounts.alice, json: ["asset_code": "SRT", "refund_memo": "7"])
            #expect(response.status == .badRequest)
        }
    }

    @Test func errorsFollowTheRequestedLanguage() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(.post, "/sep24/transactions/deposit/interactive", sub: Accounts.alice, json: ["lang": "es-MX"])
            #expect(try response.object()["error"] as? String == "asset_code es obligatorio")
        }
    }

    @Test func formEncodedBodiesWork() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.api(
                .post, "/sep24/transactions/withdraw/interactive", sub: Accounts.alice,
                form: "asset_code=SRT&amount=12.5&lang=es&claimable_balance_supported=false")
            #expect(response.status == .ok)
            let id = try #require(try response.object()["id"] as? String)
            let transaction = try await wallet.transaction(id)
            #expect(transaction["amount_in"] as? String == "12.5")
        }
    }

    @Test func multipartBodiesWork() async throws {
        try await SEP24Fixture.with { _, wallet in
            let boundary = "XyZ123"
            let body = [
                "--\(boundary)", #"Content-Disposition: form-data; name="asset_code""#, "", "SRT",
                "--\(boundary)", #"Content-Disposition: form-data; name="amount""#, "", "20",
                "--\(boundary)", #"Content-Disposition: form-data; name="photo_id_front"; filename="id.png""#, "Content-Type: image/png", "", "\u{1}\u{2}",
                "--\(boundary)--", "",
            ].joined(separator: "\r\n")
            let response = try await wallet.client.execute(
                uri: "/sep24/transactions/deposit/interactive", method: .post,
                headers: [.authorization: "Bearer \(try await wallet.token(Accounts.alice))", .contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body))
            #expect(response.status == .ok, "\(response.text)")
            let id = try #require(try response.object()["id"] as? String)
            #expect(try await wallet.transaction(id)["amount_in"] as? String == "20")
        }
    }

    /// JSON numbers keep their digits: 10.10 never passes through a binary float.
    @Test func jsonNumberAmountsStayExact() async throws {
        try await SEP24Fixture.with { _, wallet in
            let response = try await wallet.client.execute(
                uri: "/sep24/transactions/deposit/interactive", method: .post,
                headers: [.authorization: "Bearer \(try await wallet.token(Accounts.alice))", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"asset_code":"SRT","amount":1234.1,"claimable_balance_supported":true}"#))
            #expect(response.status == .ok)
            let id = try #require(try response.object()["id"] as? String)
            #expect(try await wallet.transaction(id)["amount_in"] as? String == "1234.1")
        }
    }

    /// A shared account's user is told apart by the JWT memo; the deposit must carry it to be credited.
    @Test func aMemoSubjectDepositCarriesTheMemo() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, _) = try await wallet.start(sub: "\(Accounts.alice):42")
            let transaction = try await wallet.transaction(id, sub: "\(Accounts.alice):42")
            #expect(transaction["to"] as? String == Accounts.alice)
            #expect(transaction["deposit_memo"] as? String == "42")
            #expect(transaction["deposit_memo_type"] as? String == "id")
        }
    }

    @Test func aMuxedSubjectDepositsToTheMuxedAddress() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, _) = try await wallet.start(sub: Accounts.muxed)
            #expect(try await wallet.transaction(id, sub: Accounts.muxed)["to"] as? String == Accounts.muxed)
        }
    }

    /// SEP-24 "Source and Destination Accounts": "both the source account of a withdrawal payment and the destination
    /// account of a deposit can be different from the account authenticated".
    @Test func anotherValidAccountIsAccepted() async throws {
        try await SEP24Fixture.with { _, wallet in
            let (id, _) = try await wallet.start(sub: Accounts.alice, ["account": Accounts.bob, "memo": "invoice-9"])
            let transaction = try await wallet.transaction(id)
            #expect(transaction["to"] as? String == Accounts.bob)
            #expect(transaction["deposit_memo"] as? String == "invoice-9")
            #expect(transaction["deposit_memo_type"] as? String == "text")
        }
    }

    @Test func sep9FieldsGoToTheHookWithTheFullSubject() async throws {
        let hooks = ScriptedHooks(sep9: { _ in })
        try await SEP24Fixture.with({ $0.hooks = hooks }) { _, wallet in
            let (id, _) = try await wallet.start(sub: "\(Accounts.alice):9", ["email_address": "a@example.com", "first_name": "Ana", "unrelated": "x"])
            let saved = try #require(hooks.sep9.withLock { $0.first })
            #expect(saved.transactionID == id)
            #expect(saved.fields == ["email_address": "a@example.com", "first_name": "Ana"])
            #expect(saved.auth.sub == "\(Accounts.alice):9" && saved.auth.memo == "9" && saved.auth.account == Accounts.alice)
        }
    }

    @Test func aRefusedSEP9FieldIsA400AndStoresNothing() async throws {
        let hooks = ScriptedHooks(sep9: { _ in throw HookRejection(message: "email_address is not valid") })
        try await SEP24Fixture.with({ $0.hooks = hooks }) { fixture, wallet in
            let response = try await wallet.api(
                .post, "/sep24/transactions/deposit/interactive", sub: Accounts.alice, json: ["asset_code": "SRT", "email_address": "nope"])
            #expect(response.status == .badRequest)
            #expect(try response.object()["error"] as? String == "email_address is not valid")
            #expect(try await fixture.store.transactions.transactions(owner: Accounts.alice, limit: 10).isEmpty)
        }
    }
}
