import CapstanPluginHost
import Foundation
import Synchronization
import Testing

/// The reference plugin's pretend bank, through the host as the workers call it: deposits arrive after the
/// configured delay, payouts are sent once per idempotency key and settle on the second poll.
@Suite(.enabled(if: ReferencePlugin.shouldRun, "reference plugin not built (swift build --product CapstanReferencePlugin)"))
struct ReferenceRailsTests {
    /// 2026-01-01T00:00:00Z, when the test transactions last changed.
    static let updated: Int64 = 1_767_225_600_000

    @Test func aDepositArrivesOnceTheConfiguredDelayHasPassed() async throws {
        let clock = TestClock(Self.updated + 59_000)
        let host = try await self.host(config: #"{"arrival_delay_seconds": 60}"#, clock: clock)
        let batch = Batch(transactions: [
            .init(id: "dep-1", kind: "deposit", amount_expected: "25"),
            .init(id: "dep-2", kind: "deposit", amount_in: "40.5", amount_expected: "25"),
            .init(id: "dep-3", kind: "deposit"),
        ])
        let early = try #require(try await host.call(.railsPollDeposits, batch, as: DepositPoll.self))
        #expect(early.arrived.isEmpty)

        clock.set(Self.updated + 60_000)
        let due = try #require(try await host.call(.railsPollDeposits, batch, as: DepositPoll.self))
        // What the user sent (amount_in) wins over what was asked; a deposit with neither stays pending.
        #expect(due.arrived.map(\.id) == ["dep-1", "dep-2"])
        #expect(due.arrived.map(\.amount_in) == ["25", "40.5"])
        #expect(due.arrived.map(\.external_transaction_id) == ["DEP-DEP-1", "DEP-DEP-2"])
    }

    @Test func withoutConfigurationTheDelayIsFiveSeconds() async throws {
        let clock = TestClock(Self.updated + 4_999)
        let host = try await self.host(config: "{}", clock: clock)
        let batch = Batch(transactions: [.init(id: "dep-1", kind: "deposit", amount_expected: "1")])
        #expect(try await host.call(.railsPollDeposits, batch, as: DepositPoll.self)?.arrived.isEmpty == true)
        clock.set(Self.updated + 5_000)
        #expect(try await host.call(.railsPollDeposits, batch, as: DepositPoll.self)?.arrived.count == 1)
    }

    @Test func aNegativeDelayIsRefusedAtLoad() async throws {
        let host = try await self.host(config: #"{"arrival_delay_seconds": -1}"#, clock: TestClock(Self.updated))
        #expect(host.plugins.isEmpty)
        #expect(host.refusals.map(\.description).joined().contains("arrival_delay_seconds must not be negative"))
    }

    @Test func aPayoutIsSentOncePerKeyAndSettlesOnTheSecondPoll() async throws {
        let host = try await self.host(config: "{}", clock: TestClock(Self.updated))
        let withdrawal = Transaction(id: "wd-1", kind: "withdrawal", amount_in: "10")
        let payout = Payout(transaction: withdrawal, amount: "9.45", asset_code: "SRT", to: "DE89370400440532013000")
        let sent = try #require(try await host.call(.railsSendPayout, payout, as: PayoutReply.self, idempotencyKey: "payout:wd-1:1"))
        #expect(sent.status == "pending_external" && sent.external_transaction_id == "PAY-WD-1")
        let retried = try await host.call(.railsSendPayout, payout, as: PayoutReply.self, idempotencyKey: "payout:wd-1:1")
        #expect(retried?.external_transaction_id == sent.external_transaction_id)

        var pending = withdrawal
        pending.external_transaction_id = sent.external_transaction_id
        let batch = Batch(transactions: [pending])
        #expect(try await host.call(.railsPollPayouts, batch, as: PayoutPoll.self)?.completed.isEmpty == true)
        let second = try #require(try await host.call(.railsPollPayouts, batch, as: PayoutPoll.self))
        #expect(second.completed.map(\.id) == ["wd-1"] && second.completed.first?.external_transaction_id == "PAY-WD-1")

        #expect(try await host.call(.afterDeposit, Single(transaction: withdrawal), as: Empty.self) != nil)
    }

    private func host(config: String, clock: TestClock) async throws -> PluginHost {
        let path = try #require(ReferencePlugin.path(), "reference plugin missing: \(ReferencePlugin.expectedPath)")
        return try await TestPlugins.host([path], configuration: { _ in Array(config.utf8) }, clock: { clock.now })
    }
}

/// A settable host clock in Unix milliseconds.
private final class TestClock: Sendable {
    private let value: Mutex<Int64>

    init(_ start: Int64) { self.value = Mutex(start) }

    var now: Int64 { self.value.withLock { $0 } }

    func set(_ milliseconds: Int64) { self.value.withLock { $0 = milliseconds } }
}

private struct Transaction: Codable {
    var id: String
    var kind: String
    var amount_in: String?
    var amount_expected: String?
    var started_at = "2025-12-31T23:00:00Z"
    var updated_at = "2026-01-01T00:00:00Z"
    var external_transaction_id: String?
}

private struct Batch: Encodable { var transactions: [Transaction] }
private struct Single: Encodable { var transaction: Transaction }
private struct Payout: Encodable { var transaction: Transaction; var amount, asset_code, to: String }
private struct DepositPoll: Decodable {
    struct Arrived: Decodable { var id, amount_in, external_transaction_id: String }
    var arrived: [Arrived]
}
private struct PayoutReply: Decodable { var status, external_transaction_id: String }
private struct PayoutPoll: Decodable {
    struct Settled: Decodable { var id, external_transaction_id: String }
    var completed: [Settled]
}
private struct Empty: Decodable {}
