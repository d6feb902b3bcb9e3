import Foundation
import Testing

@testable import SEP12

/// SEP-12 "Customer Callback": the anchor POSTs the `GET /customer` body on each status change. The host notices a
/// change from a GET, from the status after a PUT, or from the plugin's `customer.status_changed`, and reports each
/// change once, with the URL the wallet registered.
@Suite struct StatusChangeTests {
    @Test func aPutThatCompletesTheCustomerIsReportedOnceWithTheCallbackURL() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            let registered = try await wallet.call(.put, "/kyc/customer/callback", sub: Accounts.alice, json: ["url": "https://wallet.test/kyc"])
            #expect(registered.status == .ok)
            let first = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "Ana", "email_address": "ana@example.com"])
            let id = try #require(try first.object()["id"] as? String)
            #expect(fixture.statuses.transitions == ["none->NEEDS_INFO"])
            let second = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, multipart: [.text("id", id), .file("photo_id_front", bytes: 2048)])
            #expect(second.status == .accepted)
            #expect(fixture.statuses.transitions == ["none->NEEDS_INFO", "NEEDS_INFO->ACCEPTED"])
            // Polling sees the same status: no further callbacks.
            _ = try await wallet.call(.get, "/kyc/customer?id=\(id)", sub: Accounts.alice)
            _ = try await wallet.call(.get, "/kyc/customer", sub: Accounts.alice)
            let changes = fixture.statuses.changes.withLock { $0 }
            #expect(changes.count == 2)
            let accepted = try #require(changes.last)
            #expect(accepted.customerID == id)
            #expect(accepted.owner == Accounts.alice)
            #expect(accepted.callbackURL == "https://wallet.test/kyc")
            #expect(accepted.reply.id == id)
            #expect(accepted.reply.status == .accepted)
        }
    }

    @Test func aCustomerWithoutACallbackURLStillReportsForItsTransactions() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            _ = try await wallet.call(.put, "/kyc/customer", sub: Accounts.bob, json: ["first_name": "Bo"])
            let change = try #require(fixture.statuses.changes.withLock { $0.first })
            #expect(change.callbackURL == nil)
            #expect(change.owner == Accounts.bob)
        }
    }

    @Test func thePluginReportsAStatusForAnIDTheHostHandedOut() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            let put = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "Ana"])
            let id = try #require(try put.object()["id"] as? String)
            #expect(try await wallet.routes.customerStatusChanged(CustomerReply(id: id, status: .rejected, message: "document expired")))
            #expect(fixture.statuses.transitions == ["none->NEEDS_INFO", "NEEDS_INFO->REJECTED"])
            #expect(fixture.statuses.changes.withLock { $0.last?.reply.message } == "document expired")
            // Repeating the same status is not a change.
            #expect(try await wallet.routes.customerStatusChanged(CustomerReply(id: id, status: .rejected)))
            #expect(fixture.statuses.changes.withLock { $0.count } == 2)
            // An id the host never handed out is refused, and nothing is reported.
            #expect(try await !wallet.routes.customerStatusChanged(CustomerReply(id: "someone-else", status: .accepted)))
            #expect(fixture.statuses.changes.withLock { $0.count } == 2)
        }
    }

    @Test func deletingACustomerForgetsItsStatus() async throws {
        try await SEP12Fixture.with { fixture, wallet in
            let put = try await wallet.call(.put, "/kyc/customer", sub: Accounts.alice, json: ["first_name": "Ana"])
            let id = try #require(try put.object()["id"] as? String)
            let recorded = await fixture.keyValues.value(plugin: "capstan.sep12", key: "status:\(id)")
            #expect(recorded == Array("NEEDS_INFO".utf8))
            let deleted = try await wallet.call(.delete, "/kyc/customer/\(Accounts.alice)", sub: Accounts.alice)
            #expect(deleted.status == .ok)
            let forgotten = await fixture.keyValues.value(plugin: "capstan.sep12", key: "status:\(id)")
            #expect(forgotten == nil)
        }
    }
}
