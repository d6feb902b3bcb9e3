import CapstanCore
import Foundation
import Testing

@testable import CapstanPluginHost

/// `after_deposit` and `transaction_event` as the store queues them and the dispatcher delivers them, with the
/// reference plugin (which implements both) loaded.
@Suite(.serialized, .enabled(if: ReferencePlugin.shouldRun, "reference plugin not built (swift build --product CapstanReferencePlugin)"))
struct PluginNotificationsTests {
    static let issuer = "GAC6QZJJSHF7G77E4M5M7UVGDF6ZJIQXEI5LOAUYH5T5WXBRXQ2DLZUR"

    static func transaction(_ kind: TransactionKind, _ status: TransactionStatus) -> CapstanCore.Transaction {
        var transaction = CapstanCore.Transaction(
            kind: kind, protocol: .sep24, sub: "GDROSCVCMNFQBN5QQ3BIX64JNYPYHZKPREX3DVMZF7CEQV6H7TTDGB6Q", assetCode: "SRT",
            status: status, startedAt: Date(timeIntervalSince1970: 1_767_225_600))
        transaction.version = 4
        return transaction
    }

    static func object(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func aCompletedDepositCallsForAfterDepositAndAnEvent() async throws {
        let notifications = PluginNotifications(host: try await Self.host())
        let deposit = Self.transaction(.deposit, .completed)
        let queued = try notifications.notifications(for: deposit, previousStatus: .pendingStellar, assetIssuer: Self.issuer)
        #expect(queued.map(\.hook) == ["after_deposit", "transaction_event"])

        let after = try Self.object(queued[0].body)
        let shape = try #require(after["transaction"] as? [String: Any])
        #expect(shape["id"] as? String == deposit.id && shape["status"] as? String == "completed")
        #expect(shape["asset_issuer"] as? String == Self.issuer)

        // The header's transaction_event: the change, a sequence that grows per transaction, the transaction now.
        let event = try Self.object(queued[1].body)
        #expect(event["event"] as? String == "status_changed" && event["previous_status"] as? String == "pending_stellar")
        #expect(event["sequence"] as? Int == 4)
        #expect((event["transaction"] as? [String: Any])?["id"] as? String == deposit.id)
    }

    /// Rails and notification hooks get the same `transaction` shape as the interactive ones: a muxed owner is its
    /// G… account with the mux id as an id memo, as in the header's `auth`, and SEP-31's customer ids are there.
    @Test func theTransactionIsTheHeadersSharedShape() async throws {
        let notifications = PluginNotifications(host: try await Self.host())
        var deposit = Self.transaction(.deposit, .completed)
        deposit.sub = "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLK"
        deposit.accountMemo = "9223372036854775808"
        deposit.senderID = "sender-1"
        deposit.receiverID = "receiver-1"
        let queued = try notifications.notifications(for: deposit, previousStatus: .pendingStellar, assetIssuer: nil)
        let shape = try #require(try Self.object(queued[0].body)["transaction"] as? [String: Any])
        #expect(shape["account"] as? String == "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ")
        #expect(shape["memo"] as? String == "9223372036854775808" && shape["memo_type"] as? String == "id")
        #expect(shape["sender_id"] as? String == "sender-1" && shape["receiver_id"] as? String == "receiver-1")
        #expect(shape["started_at"] as? String == "2026-01-01T00:00:00.000Z")
    }

    @Test func otherChangesCallOnlyForTheEvent() async throws {
        let notifications = PluginNotifications(host: try await Self.host())
        for (kind, status) in [(TransactionKind.withdrawal, TransactionStatus.completed), (.deposit, .pendingStellar)] {
            let queued = try notifications.notifications(for: Self.transaction(kind, status), previousStatus: .pendingAnchor, assetIssuer: nil)
            #expect(queued.map(\.hook) == ["transaction_event"], "\(kind) \(status)")
        }
    }

    @Test func withoutAPluginForTheHooksNothingIsQueued() async throws {
        let notifications = PluginNotifications(host: try await TestPlugins.host([]))
        #expect(try notifications.notifications(for: Self.transaction(.deposit, .completed), previousStatus: .pendingStellar, assetIssuer: nil).isEmpty)
    }

    @Test func deliveryCallsTheHookAndReportsWhatFailed() async throws {
        let notifications = PluginNotifications(host: try await Self.host())
        let deposit = Self.transaction(.deposit, .completed)
        for notification in try notifications.notifications(for: deposit, previousStatus: .pendingStellar, assetIssuer: nil) {
            let row = CallbackDelivery(
                id: 1, transactionID: deposit.id, url: notification.hook, body: String(decoding: notification.body, as: UTF8.self),
                createdAt: Date(), nextAttemptAt: Date())
            #expect(await notifications.deliver(row) == nil, "\(notification.hook)")
        }
        let notAHook = CallbackDelivery(id: 2, transactionID: deposit.id, url: "rails_send_payout", body: "{}", createdAt: Date(), nextAttemptAt: Date())
        #expect(await notifications.deliver(notAHook) == "no notification hook named rails_send_payout")
        // A body the plugin cannot read is its error, retried by the dispatcher rather than dropped.
        let unreadable = CallbackDelivery(id: 3, transactionID: deposit.id, url: "after_deposit", body: "{}", createdAt: Date(), nextAttemptAt: Date())
        #expect(await notifications.deliver(unreadable) != nil)
    }

    /// The header's idempotency keys: the transaction id for after_deposit; the id and the sequence for an event.
    @Test func keysAreTheHeaders() throws {
        let event = CallbackDelivery(
            id: 9, transactionID: "tx-1", url: "transaction_event", body: #"{"event":"status_changed","sequence":7}"#,
            createdAt: Date(), nextAttemptAt: Date())
        #expect(PluginNotifications.key(.transactionEvent, event) == "transaction_event:tx-1:7")
        #expect(PluginNotifications.key(.afterDeposit, event) == "after_deposit:tx-1")
    }

    /// UNIMPLEMENTED means "use your default": nothing to retry. Every other failure is retried; so is a hook no
    /// plugin implements any more (its plugin may be back after the next restart).
    @Test func unimplementedIsDeliveredOtherFailuresAreRetried() async throws {
        let path = try await TestPlugins.probe("notifier", ["HOOK_NOTIFICATIONS"])
        let probe = PluginNotifications(host: try await TestPlugins.host([path]))
        func deliver(_ hook: String, _ body: String) async -> String? {
            await probe.deliver(CallbackDelivery(id: 1, transactionID: "tx-1", url: hook, body: body, createdAt: Date(), nextAttemptAt: Date()))
        }
        #expect(await deliver("after_deposit", #"{"mode":"echo","id":1}"#) == nil)
        #expect(await deliver("transaction_event", #"{"mode":"status","status":3}"#) == nil)
        #expect(await deliver("transaction_event", #"{"mode":"status","status":4}"#) != nil)
        let nobody = PluginNotifications(host: try await TestPlugins.host([]))
        let row = CallbackDelivery(id: 1, transactionID: "tx-1", url: "after_deposit", body: "{}", createdAt: Date(), nextAttemptAt: Date())
        #expect(await nobody.deliver(row) == "no plugin implements after_deposit")
    }

    @Test func aCompletedDepositExchangeCallsForAfterDepositToo() async throws {
        let notifications = PluginNotifications(host: try await Self.host())
        let queued = try notifications.notifications(for: Self.transaction(.depositExchange, .completed), previousStatus: .pendingStellar, assetIssuer: nil)
        #expect(queued.map(\.hook) == ["after_deposit", "transaction_event"])
    }

    /// One reference plugin for the suite: loading it is work every other suite's timers would wait behind.
    private static let loaded = Task { () async throws -> PluginHost in
        guard let path = ReferencePlugin.path() else { throw MissingPlugin() }
        return try await TestPlugins.host([path])
    }

    private struct MissingPlugin: Error, CustomStringConvertible {
        var description: String { "reference plugin missing: \(ReferencePlugin.expectedPath)" }
    }

    private static func host() async throws -> PluginHost {
        try await self.loaded.value
    }
}
