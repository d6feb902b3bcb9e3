import CapstanCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SEP12

/// `GET`/`PUT`/`DELETE /kyc/customer`, verification and callback, through the router.
@Suite struct CustomerTests {
    @Test func everyRouteRequiresSEP10() async throws {
        try await SEP12Fixture.with { _, wallet in
            for (method, uri) in [
                (HTTPRequest.Method.get, "/kyc/customer"), (.put, "/kyc/customer"), (.put, "/kyc/customer/verification"),
                (.put, "/kyc/customer/callback"), (.delete, "/kyc/customer/\(Accounts.alice)"), (.post, "/kyc/customer/files"),
                (.get, "/kyc/customer/files"),
            ] {
                let response = try await wallet.call(method, uri)
                #expect([401, 403].contains(response.status.code), "\(method) \(uri)")
            }
        }
    }

    @Test func newCustomerNeedsInfoWithoutID() async throws {
        try await SEP12Fixture.with { _, wallet in
            let response = try await wallet.call(.get, "/kyc/customer?type=sep6", sub: Accounts.alice)
            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["status"] as? String == "NEEDS_INFO")
            #expect(body["id"] == nil)
            #expect((body["fields"] as? [String: Any])?["email_address"] != nil)
        }
    }

    @Test func putAnswers202AndIsIdempotentPerSub() async throws {
        try await SEP12Fixture.with { _, wallet in
            let first = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "Ana", "email_address": "ana@example.com"])
            #expect(first.status == .accepted)
            let id = try #require(try first.object()["id"] as? String)
            let again = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, form: "last_name=Lopez+Garcia&id=\(id)")
            #expect(again.status == .accepted)
            #expect(try again.object()["id"] as? String == id)
            let got = try await wallet.call(.get, "/kyc/customer?id=\(id)", sub: Accounts.alice)
            #expect(got.status == .ok)
            #expect(try got.object()["id"] as? String == id)
            #expect(try got.object()["status"] as? String == "NEEDS_INFO")
        }
    }

    @Test func sep9ValuesAreValidatedBeforeThePluginSeesThem() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            for bad: [String: Any] in [
                ["favourite_colour": "blue"], ["birth_date": "1990-02-30"], ["birth_date": "17/05/1990"],
                ["address_country_code": "ES"], ["mobile_number": "0034 600"], ["email_address": "ana@"],
                ["photo_id_front": "not a file"], ["first_name": ["nested"]], ["photo_id_front_file_id": UUID().uuidString],
            ] {
                let response = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: bad)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(try response.object()["error"] is String)
            }
            #expect(fixture.hooks.puts.withLock { $0.isEmpty })
            let good = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: [
                "birth_date": "1990-05-17", "address_country_code": "ESP", "mobile_number": "+34600123456",
                "email_address": "ana@example.com", "organization.name": "Acme", "mobile_number_verification": "1",
            ])
            #expect(good.status == .accepted)
        }
    }

    @Test func pluginRefusalIs400() async throws {
        try await SEP12Fixture.with { _, wallet in
            let response = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "reject"])
            #expect(response.status == .badRequest)
            #expect(try response.object()["error"] as? String == "we cannot serve you")
        }
    }

    @Test func accountMustMatchTheToken() async throws {
        try await SEP12Fixture.with { _, wallet in
            // SEP-12: "account … is deprecated … if provided it must match the JWT's sub".
            let get = try await wallet.call(.get, "/kyc/customer?account=\(Accounts.bob)", sub: Accounts.alice)
            #expect(get.status == .forbidden)
            let put = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["account": Accounts.bob, "first_name": "x"])
            #expect(put.status == .forbidden)
            let same = try await wallet.call(.get, "/kyc/customer?account=\(Accounts.alice)", sub: Accounts.alice)
            #expect(same.status == .ok)
        }
    }

    @Test func anotherAccountsIDIsNotFound() async throws {
        try await SEP12Fixture.with { _, wallet in
            let created = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "Ana"])
            let id = try #require(try created.object()["id"] as? String)
            let read = try await wallet.call(.get, "/kyc/customer?id=\(id)", sub: Accounts.bob)
            #expect(read.status == .notFound)
            #expect(!String(buffer: read.body).contains("Ana"))
            let write = try await wallet.call(.put, "/kyc/customer", sub: Accounts.bob, json: ["id": id, "first_name": "Mallory"])
            #expect(write.status == .notFound)
            let verify = try await wallet.call(.put, "/kyc/customer/verification", sub: Accounts.bob, json: ["id": id, "mobile_number_verification": "123456"])
            #expect(verify.status == .notFound)
            let unknown = try await wallet.call(.get, "/kyc/customer?id=\(UUID().uuidString)", sub: Accounts.alice)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func memosOfOneAccountAreSeparateCustomers() async throws {
        try await SEP12Fixture.with { _, wallet in
            let one = try await wallet.call(.put, "/kyc/customer", sub: "\(Accounts.alice):1", json: ["memo": "1", "memo_type": "id", "first_name": "One"])
            let two = try await wallet.call(.put, "/kyc/customer", sub: "\(Accounts.alice):2", json: ["memo": "2", "memo_type": "id", "first_name": "Two"])
            #expect(one.status == .accepted && two.status == .accepted)
            let id1 = try #require(try one.object()["id"] as? String)
            let id2 = try #require(try two.object()["id"] as? String)
            #expect(id1 != id2)
            // SEP-12: "If the JWT's sub field contains a memo, the memo parameter must match".
            let wrongMemo = try await wallet.call(.get, "/kyc/customer?memo=1", sub: "\(Accounts.alice):2")
            #expect(wrongMemo.status == .forbidden)
            let crossID = try await wallet.call(.get, "/kyc/customer?id=\(id1)", sub: "\(Accounts.alice):2")
            #expect(crossID.status == .notFound)
            // Nor may the plain account read a memo user's record by id.
            let plain = try await wallet.call(.get, "/kyc/customer?id=\(id1)", sub: Accounts.alice)
            #expect(plain.status == .notFound)
            // A plain account may register users of its own under memos (SEP-31 sending anchors).
            let own = try await wallet.call(.get, "/kyc/customer?id=\(id1)&memo=1", sub: Accounts.alice)
            #expect(own.status == .ok)
            let muxed = try await wallet.call(.get, "/kyc/customer?memo=8", sub: Accounts.muxed)
            #expect(muxed.status == .forbidden)
            let muxedOK = try await wallet.call(.get, "/kyc/customer?memo=7", sub: Accounts.muxed)
            #expect(muxedOK.status == .ok)
        }
    }

    @Test func transactionIDNeedsType() async throws {
        try await SEP12Fixture.with { _, wallet in
            let response = try await wallet.call(.get, "/kyc/customer?transaction_id=abc", sub: Accounts.alice)
            #expect(response.status == .badRequest)
        }
    }

    @Test func deleteErasesOnlyTheCallersCustomer() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            _ = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "Ana"])
            let other = try await wallet.call(.delete, "/kyc/customer/\(Accounts.alice)", sub: Accounts.bob)
            #expect(other.status == .notFound)
            let own = try await wallet.call(.delete, "/kyc/customer/\(Accounts.alice)", sub: Accounts.alice)
            #expect(own.status == .ok)
            #expect(fixture.hooks.records.withLock { $0.isEmpty })
            let again = try await wallet.call(.delete, "/kyc/customer/\(Accounts.alice)", sub: Accounts.alice)
            #expect(again.status == .notFound)
        }
    }

    @Test func verificationCodes() async throws {
        try await SEP12Fixture.with { _, wallet in
            let created = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["mobile_number": "+34600123456"])
            let id = try #require(try created.object()["id"] as? String)
            let wrong = try await wallet.call(.put, "/kyc/customer/verification", sub: Accounts.alice, json: ["id": id, "mobile_number_verification": "1"])
            #expect(wrong.status == .badRequest)
            let right = try await wallet.call(.put, "/kyc/customer/verification", sub: Accounts.alice, json: ["id": id, "mobile_number_verification": "123456"])
            #expect(right.status == .ok)
            #expect(try right.object()["id"] as? String == id)
            let notAField = try await wallet.call(.put, "/kyc/customer/verification", sub: Accounts.alice, json: ["id": id, "first_name": "x"])
            #expect(notAField.status == .badRequest)
        }
    }

    @Test func callbackURLIsStoredAndThePluginTold() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            let bad = try await wallet.call(.put, "/kyc/customer/callback", sub: Accounts.alice, json: ["url": "not a url"])
            #expect(bad.status == .badRequest)
            let good = try await wallet.call(.put, "/kyc/customer/callback", sub: Accounts.alice, json: ["url": "https://wallet.example/kyc"])
            #expect(good.status == .ok)
            #expect(fixture.hooks.callbacks.withLock { $0.map(\.url) } == ["https://wallet.example/kyc"])
            let stored = await fixture.keyValues.value(plugin: "capstan.sep12", key: "callback:\(Accounts.alice)")
            #expect(stored.map { String(decoding: $0, as: UTF8.self) } == "https://wallet.example/kyc")
        }
    }
}
