import CapstanCore
import Foundation
import StellarKit
import Synchronization
import Testing
@testable import CapstanWorkers

/// Claims of a killed instance must come back soon (short leases), and a live instance must keep the rows it still
/// works through however long its pass takes (renewal). Found by the SIGKILL fault test: with 120-second leases
/// and no renewal, every worker kill hid its batch, and the envelopes with later sequence numbers stalled behind
/// the hidden ones, for two minutes.
@Suite struct ClaimLeaseTests {
    private func claim(_ fixture: WorkerFixture, worker: String, lease: Int) async throws -> [CapstanCore.Transaction] {
        try await fixture.store.transactions.claim(
            status: .pendingUserTransferStart, kinds: [.deposit], limit: 10, leaseSeconds: lease, worker: worker)
    }

    @Test func aPassLongerThanItsLeaseKeepsTheRowsItHasNotHandledYet() async throws {
        try await WorkerFixture.with { fixture in
            for _ in 0..<2 { _ = try await fixture.deposit(to: KeyPair.random().accountId) }
            let context = fixture.context(workerID: "slow", leaseSeconds: 1)
            let claimed = try await self.claim(fixture, worker: "slow", lease: 1)
            #expect(claimed.count == 2)
            let stolen = Stolen()
            await context.each(claimed, worker: "pending-deposits") { transaction in
                guard transaction.id == claimed[0].id else { return .release }
                // Well past the one-second lease: only renewal keeps both rows (this one and the next) ours.
                try await Task.sleep(for: .milliseconds(1700))
                let taken = try await self.claim(fixture, worker: "other", lease: 30).map(\.id)
                stolen.ids.withLock { $0 = taken }
                return .release
            }
            #expect(stolen.ids.withLock { $0 } == [])
            // Handled and released: free for anyone at once.
            #expect(try await self.claim(fixture, worker: "other", lease: 30).count == 2)
        }
    }

    @Test func rowsOfAnInstanceThatNeverReleasesComeBackAfterTheLease() async throws {
        try await WorkerFixture.with { fixture in
            _ = try await fixture.deposit(to: KeyPair.random().accountId)
            #expect(try await self.claim(fixture, worker: "killed", lease: 1).count == 1)    // then SIGKILL: no release
            #expect(try await self.claim(fixture, worker: "restarted", lease: 1).isEmpty)
            try await Task.sleep(for: .milliseconds(1200))
            #expect(try await self.claim(fixture, worker: "restarted", lease: 1).count == 1)
        }
    }
}

/// What another instance managed to claim mid-pass.
private final class Stolen: Sendable {
    let ids = Mutex<[String]?>(nil)
}
