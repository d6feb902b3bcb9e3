import CapstanCore
import CapstanStore
import Foundation
import Logging
import StellarKit
import Synchronization
import Testing
@testable import CapstanWorkers

@Suite(.serialized) struct CallbackDispatcherTests {
    static let key = KeyPair.random()
    static let logger = Logger(label: "capstan.workers.tests")

    /// SEP-24 "VERIFY signature": parse `t=<timestamp>, s=<base64>`, then verify `<t>.<host>.<body>` with SIGNING_KEY.
    static func verify(_ request: CallbackReceiver.Request, host: String = "127.0.0.1") -> Bool {
        guard let header = request.headers["signature"], request.headers["x-stellar-signature"] == header else { return false }
        var fields: [String: String] = [:]
        for part in header.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let t = fields["t"], let timestamp = Int64(t), let s = fields["s"], let signature = Data(base64Encoded: s) else { return false }
        guard abs(Date.now.timeIntervalSince1970 - Double(timestamp)) < 120 else { return false }   // "1 or 2 minute(s) maximum"
        let payload = Array("\(t).\(host).".utf8) + request.body
        return Self.key.publicKey.verify(signature: Array(signature), data: payload)
    }

    func dispatcher(_ store: SQLStore, clock: TestClock, _ configuration: CallbackDispatcher.Configuration) -> CallbackDispatcher {
        CallbackDispatcher(
            outbox: store.callbackOutbox, signer: CallbackSigner(signingKey: Self.key), configuration: configuration,
            logger: Self.logger, now: { clock.now })
    }

    static let quick = CallbackDispatcher.Configuration(
        maxAttempts: 10, timeout: .seconds(5), backoff: CallbackBackoff(base: .seconds(5), maximum: .seconds(60)))

    @Test func deliversSignedExactlyOnceAfterNFailures() async throws {
        let failures = 3
        let receiver = try CallbackReceiver { _, index in index < failures ? 500 : 200 }
        defer { receiver.stop() }
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: receiver.url, statuses: [.pendingUserTransferStart])
            let clock = TestClock()
            let dispatcher = self.dispatcher(fixture.store, clock: clock, Self.quick)
            for _ in 0..<10 {
                try await dispatcher.deliverDue()
                clock.advance(seconds: 120)
            }
            #expect(receiver.received.count == failures + 1)
            #expect(receiver.received.allSatisfy { Self.verify($0) })
            #expect(receiver.received.allSatisfy { $0.headers["content-type"] == "application/json" && $0.path == "/callback" })
            let row = try #require(try await fixture.store.callbackOutbox.all(transactionID: "t1").first)
            #expect(row.deliveredAt != nil && row.attempts == failures + 1 && !row.gaveUp && row.lastError == nil)
            #expect(String(decoding: receiver.received[0].body, as: UTF8.self) == row.body)
        }
    }

    @Test func backsOffBetweenAttempts() async throws {
        let receiver = try CallbackReceiver { _, _ in 503 }
        defer { receiver.stop() }
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: receiver.url, statuses: [.pendingAnchor])
            let clock = TestClock()
            let dispatcher = self.dispatcher(fixture.store, clock: clock, Self.quick)
            #expect(try await dispatcher.deliverDue() == 1)
            #expect(try await dispatcher.deliverDue() == 0)                 // not due again yet
            clock.advance(seconds: 3)                                         // below the first back-off (5 s ± 25 %)
            #expect(try await dispatcher.deliverDue() == 0)
            clock.advance(seconds: 4)
            #expect(try await dispatcher.deliverDue() == 1)
            let row = try #require(try await fixture.store.callbackOutbox.all(transactionID: "t1").first)
            #expect(row.attempts == 2 && row.lastError == "HTTP 503")
            let wait = row.nextAttemptAt.timeIntervalSince(clock.now)
            #expect(wait >= 7.5 && wait <= 12.5)                              // second back-off: 10 s ± 25 %
        }
    }

    @Test func aReceiverThatIsDownGetsTheCallbackOnceItIsUp() async throws {
        let probe = try CallbackReceiver()
        let port = probe.port
        probe.stop()
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: "http://127.0.0.1:\(port)/callback", statuses: [.pendingAnchor])
            let clock = TestClock()
            let dispatcher = self.dispatcher(fixture.store, clock: clock, Self.quick)
            try await dispatcher.deliverDue()
            let failed = try #require(try await fixture.store.callbackOutbox.pending(transactionID: "t1").first)
            #expect(failed.attempts == 1 && failed.lastError != nil)
            let receiver = try CallbackReceiver(port: port)
            defer { receiver.stop() }
            clock.advance(seconds: 120)
            try await dispatcher.deliverDue()
            #expect(receiver.received.count == 1)
            #expect(try await fixture.store.callbackOutbox.pending(transactionID: "t1") == [])
        }
    }

    @Test func aSlowWalletTimesOutAndIsRetried() async throws {
        let receiver = try CallbackReceiver { _, index in
            if index == 0 { Thread.sleep(forTimeInterval: 1) }
            return 200
        }
        defer { receiver.stop() }
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: receiver.url, statuses: [.pendingAnchor])
            let clock = TestClock()
            var configuration = Self.quick
            configuration.timeout = .milliseconds(200)
            let dispatcher = self.dispatcher(fixture.store, clock: clock, configuration)
            try await dispatcher.deliverDue()
            #expect(try await fixture.store.callbackOutbox.pending(transactionID: "t1").first?.attempts == 1)
            try await Task.sleep(for: .seconds(1.2))                        // the receiver serves one request at a time
            clock.advance(seconds: 120)
            try await dispatcher.deliverDue()
            #expect(try await fixture.store.callbackOutbox.pending(transactionID: "t1") == [])
        }
    }

    @Test func givesUpAfterMaxAttemptsAndThenMovesOnToTheNextStatus() async throws {
        let receiver = try CallbackReceiver { request, _ in
            String(decoding: request.body, as: UTF8.self).contains("pending_user_transfer_start") ? 500 : 200
        }
        defer { receiver.stop() }
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: receiver.url, statuses: [.pendingUserTransferStart, .pendingAnchor])
            let clock = TestClock()
            var configuration = Self.quick
            configuration.maxAttempts = 3
            let dispatcher = self.dispatcher(fixture.store, clock: clock, configuration)
            for _ in 0..<6 {
                try await dispatcher.deliverDue()
                clock.advance(seconds: 120)
            }
            let rows = try await fixture.store.callbackOutbox.all(transactionID: "t1")
            #expect(rows.map(\.gaveUp) == [true, false])
            #expect(rows[0].attempts == 3 && rows[0].deliveredAt == nil)
            #expect(rows[1].deliveredAt != nil)
            #expect(receiver.received.count == 4)                           // three failures, then the next status once
        }
    }

    /// The plugin notification outbox goes through the same dispatcher with another `deliver`: in order per
    /// (transaction, hook), a failure retried until it goes through, then the next.
    @Test func anotherDeliverDrainsThePluginNotifications() async throws {
        try await OutboxFixture.with { fixture in
            fixture.store.setPluginNotifier(EveryChangeNotifier())
            try await fixture.enqueue("t1", url: "https://wallet.example/cb", statuses: [.pendingUserTransferStart, .pendingAnchor])
            let calls = Mutex<[String]>([])
            let clock = TestClock()
            let dispatcher = CallbackDispatcher(
                outbox: fixture.store.pluginNotifications, noun: "plugin notification", destination: { ("hook", $0.url) },
                configuration: Self.quick,
                logger: Self.logger, now: { clock.now }
            ) { delivery in
                let count = calls.withLock { $0.append(delivery.body); return $0.count }
                return count == 1 ? "TRANSIENT: the books are closed" : nil
            }
            for _ in 0..<4 {
                try await dispatcher.deliverDue()
                clock.advance(seconds: 120)
            }
            #expect(calls.withLock { $0 } == ["pending_user_transfer_start", "pending_user_transfer_start", "pending_anchor"])
            let rows = try await fixture.store.pluginNotifications.all(transactionID: "t1")
            #expect(rows.map(\.attempts) == [2, 1] && rows.allSatisfy { $0.deliveredAt != nil })
        }
    }

    /// A later status is never delivered before an earlier one of the same transaction.
    @Test func deliversInOrderPerTransaction() async throws {
        let receiver = try CallbackReceiver { _, index in index == 0 ? 500 : 200 }
        defer { receiver.stop() }
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: receiver.url, statuses: [.pendingUserTransferStart, .pendingAnchor, .pendingStellar])
            let clock = TestClock()
            let dispatcher = self.dispatcher(fixture.store, clock: clock, Self.quick)
            for _ in 0..<6 {
                try await dispatcher.deliverDue()
                clock.advance(seconds: 120)
            }
            let statuses = receiver.received.map { String(decoding: $0.body, as: UTF8.self) }.map { body in
                ["pending_user_transfer_start", "pending_anchor", "pending_stellar"].first { body.contains($0) } ?? "?"
            }
            #expect(statuses == ["pending_user_transfer_start", "pending_user_transfer_start", "pending_anchor", "pending_stellar"])
        }
    }

    /// All state is in the table: a new dispatcher on a new store over the same file delivers what is left.
    @Test func aRestartedDispatcherDeliversWhatIsLeft() async throws {
        let receiver = try CallbackReceiver()
        defer { receiver.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-workers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("capstan.sqlite").path
        let clock = TestClock()
        var configuration = Self.quick
        configuration.batchSize = 1

        let first = try await OutboxFixture.open(path: path)
        try await first.enqueue("t1", url: receiver.url, statuses: [.pendingUserTransferStart, .pendingAnchor])
        try await first.enqueue("t2", url: receiver.url, statuses: [.pendingUserTransferStart])
        #expect(try await self.dispatcher(first.store, clock: clock, configuration).deliverDue() == 1)
        try await first.store.close()                                        // "crash" after one delivery

        let second = try await OutboxFixture.open(path: path)
        let restarted = self.dispatcher(second.store, clock: clock, configuration)
        while try await restarted.deliverDue() > 0 {}
        try await second.store.close()

        let bodies = receiver.received.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.count == 3)
        #expect(Set(bodies).count == 3)                                       // each exactly once
        let t1 = bodies.filter { $0.contains(#""id":"t1""#) }
        #expect(t1.count == 2 && t1[0].contains("pending_user_transfer_start") && t1[1].contains("pending_anchor"))
    }

    @Test func runDeliversUntilCancelled() async throws {
        let receiver = try CallbackReceiver { _, index in index == 0 ? 500 : 200 }
        defer { receiver.stop() }
        try await OutboxFixture.with { fixture in
            try await fixture.enqueue("t1", url: receiver.url, statuses: [.pendingAnchor])
            let configuration = CallbackDispatcher.Configuration(
                maxAttempts: 5, timeout: .seconds(5), backoff: CallbackBackoff(base: .milliseconds(20), maximum: .milliseconds(50)),
                pollInterval: .milliseconds(20))
            let dispatcher = CallbackDispatcher(
                outbox: fixture.store.callbackOutbox, signer: CallbackSigner(signingKey: Self.key), configuration: configuration,
                logger: Self.logger)
            let running = Task { try await dispatcher.run() }
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                if try await fixture.store.callbackOutbox.pending(transactionID: "t1").isEmpty { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            running.cancel()
            try await running.value                                          // returns, does not hang
            #expect(receiver.received.count == 2)
            #expect(receiver.received.allSatisfy { Self.verify($0) })
        }
    }

    @Test func backoffDoublesIsJitteredAndCapped() {
        let backoff = CallbackBackoff(base: .seconds(5), maximum: .seconds(60))
        #expect(backoff.delay(afterAttempt: 1, unit: 0.5) == .seconds(5))
        #expect(backoff.delay(afterAttempt: 2, unit: 0.5) == .seconds(10))
        #expect(backoff.delay(afterAttempt: 3, unit: 0) == .seconds(15))     // 20 s − 25 %
        #expect(backoff.delay(afterAttempt: 3, unit: 1) == .seconds(25))     // 20 s + 25 %
        #expect(backoff.delay(afterAttempt: 10, unit: 1) == .seconds(60))
        #expect(backoff.delay(afterAttempt: 500, unit: 0.5) == .seconds(60))
    }

    @Test func theSignedPayloadIsTimestampHostBody() {
        let signer = CallbackSigner(signingKey: Self.key)
        let header = signer.signature(body: Array("{}".utf8), host: "wallet.example", timestamp: 1_700_000_000)
        #expect(header.hasPrefix("t=1700000000, s="))
        let signature = Data(base64Encoded: String(header.dropFirst("t=1700000000, s=".count)))!
        #expect(Self.key.publicKey.verify(signature: Array(signature), data: Array("1700000000.wallet.example.{}".utf8)))
        #expect(signer.publicKey == Self.key.publicKey.strKey)
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date.now.addingTimeInterval(60))      // after any row a test creates
    var now: Date { self.current.withLock { $0 } }
    func advance(seconds: TimeInterval) { self.current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Renders `{"transaction":{"id":…,"status":…}}`, the shape of SEP-24's callback body.
struct StubPresenter: TransactionPresenter {
    func callbackBody(for transaction: CapstanCore.Transaction) throws -> [UInt8] {
        Array(#"{"transaction":{"id":"\#(transaction.id)","status":"\#(transaction.status.rawValue)"}}"#.utf8)
    }
}

/// A `transaction_event` per status change whose body is just the new status.
struct EveryChangeNotifier: PluginNotifier {
    func notifications(for transaction: CapstanCore.Transaction, previousStatus: TransactionStatus, assetIssuer: String?) throws -> [PluginNotification] {
        [PluginNotification(hook: "transaction_event", body: Array(transaction.status.rawValue.utf8))]
    }
}

/// A migrated store with the stub presenter, and a way to put callbacks in its outbox through real status changes.
struct OutboxFixture {
    let store: SQLStore

    static func open(path: String) async throws -> OutboxFixture {
        let store = try await SQLStore.openSQLite(path: path, logger: CallbackDispatcherTests.logger)
        try await store.migrate()
        store.setPresenter(StubPresenter(), for: .sep24)
        return OutboxFixture(store: store)
    }

    static func with(_ body: (OutboxFixture) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-workers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = try await Self.open(path: directory.appendingPathComponent("capstan.sqlite").path)
        do {
            try await body(fixture)
            try await fixture.store.close()
        } catch {
            try? await fixture.store.close()
            throw error
        }
    }

    /// Creates a SEP-24 deposit calling back `url` and walks it through `statuses`, one callback each.
    func enqueue(_ id: String, url: String, statuses: [TransactionStatus]) async throws {
        try await self.store.transactions.insert(CapstanCore.Transaction(
            id: id, kind: .deposit, protocol: .sep24, sub: "GWALLET", assetCode: "USDC", status: .incomplete, startedAt: Date.now,
            onChangeCallback: url))
        for status in statuses {
            _ = try await self.store.transactions.update(id: id, expectedVersion: nil, cause: "test") { $0.status = status }
        }
    }
}
