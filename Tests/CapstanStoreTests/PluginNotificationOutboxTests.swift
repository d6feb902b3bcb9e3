import CapstanCore
import Foundation
import Synchronization
import Testing

@testable import CapstanStore

/// Plugin notifications are queued by the write that changes a transaction, as its notifier asks.
@Suite struct PluginNotificationOutboxTests {
    /// Asks for one notification per status change, recording what it was shown; throws when told to.
    final class Recorder: PluginNotifier {
        let seen = Mutex<[(String, TransactionStatus, String?)]>([])
        let failing: Bool

        init(failing: Bool = false) { self.failing = failing }

        struct Refused: Error {}

        func notifications(for transaction: Transaction, previousStatus: TransactionStatus, assetIssuer: String?) throws -> [PluginNotification] {
            self.seen.withLock { $0.append((transaction.status.rawValue, previousStatus, assetIssuer)) }
            if self.failing { throw Refused() }
            return [PluginNotification(hook: "transaction_event", body: Array(#"{"to":"\#(transaction.status.rawValue)"}"#.utf8))]
        }
    }

    @Test func eachStatusChangeQueuesWhatTheNotifierAsksWithTheAssetsIssuer() async throws {
        try await TemporaryStore.with { store, _ in
            let recorder = Recorder()
            store.setPluginNotifier(recorder)
            try await store.assets.insert(Asset(code: "USDC", issuer: "GISSUER", seps: [.sep24], deposit: .init(enabled: true)))
            try await store.transactions.insert(TransactionUpdateTests.deposit())
            for status in [TransactionStatus.pendingUserTransferStart, .pendingAnchor] {
                _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "test") { $0.status = status }
            }
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "test") { $0.message = "no status change" }

            let queued = try await store.pluginNotifications.pending(transactionID: "t1")
            #expect(queued.map(\.url) == ["transaction_event", "transaction_event"])
            #expect(queued.map(\.body) == [#"{"to":"pending_user_transfer_start"}"#, #"{"to":"pending_anchor"}"#])
            let seen = recorder.seen.withLock { $0 }
            #expect(seen.map(\.1) == [.incomplete, .pendingUserTransferStart] && seen.allSatisfy { $0.2 == "GISSUER" })
        }
    }

    /// Like a wallet callback that cannot be rendered: logged and skipped, and the money keeps moving.
    @Test func aNotifierThatThrowsDoesNotStopTheChange() async throws {
        try await TemporaryStore.with { store, _ in
            store.setPluginNotifier(Recorder(failing: true))
            try await store.transactions.insert(TransactionUpdateTests.deposit())
            let moved = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "test") { $0.status = .pendingUserTransferStart }
            #expect(moved.status == .pendingUserTransferStart)
            #expect(try await store.pluginNotifications.pending(transactionID: "t1").isEmpty)
        }
    }

    @Test func withoutANotifierNothingIsQueued() async throws {
        try await TemporaryStore.with { store, _ in
            try await store.transactions.insert(TransactionUpdateTests.deposit())
            _ = try await store.transactions.update(id: "t1", expectedVersion: nil, cause: "test") { $0.status = .pendingUserTransferStart }
            #expect(try await store.pluginNotifications.all(transactionID: "t1").isEmpty)
        }
    }
}
