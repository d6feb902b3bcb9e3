import CapstanCore
import CapstanStore
import Foundation
import StellarKit
import Testing
@testable import CapstanWorkers

/// The store side of crash safety: sequence reservations and stream leases.
@Suite struct SubmissionStoreTests {
    private func pendingStellarDeposit(_ fixture: WorkerFixture) async throws -> CapstanCore.Transaction {
        let transaction = CapstanCore.Transaction(
            kind: .deposit, protocol: .sep24, sub: "GUSER", assetCode: WorkerFixture.code, status: .pendingAnchor, startedAt: Date.now,
            amountIn: Amount("10"), amountOut: Amount("10"), to: "GUSER")
        try await fixture.store.transactions.insert(transaction)
        return transaction
    }

    private func record(_ fixture: WorkerFixture, _ transaction: CapstanCore.Transaction, ledgerSequence: Int64, voiding: String? = nil) async throws -> StellarSubmission {
        try await fixture.store.submissions.recordSubmission(
            transactionID: transaction.id, expectedVersion: nil, purpose: .payment, sourceAccount: "GSOURCE",
            ledgerSequence: ledgerSequence, voiding: voiding,
            sign: { sequence, _ in SignedEnvelope(hash: UUID().uuidString, envelopeXDR: "xdr-\(sequence)") },
            steps: [.status(.pendingStellar, cause: "test")]).1
    }

    @Test func concurrentReservationsNeverShareASequenceNumber() async throws {
        try await WorkerFixture.with { fixture in
            var deposits: [CapstanCore.Transaction] = []
            for _ in 0..<8 { deposits.append(try await self.pendingStellarDeposit(fixture)) }
            let sequences = try await withThrowingTaskGroup(of: Int64.self) { group in
                for deposit in deposits { group.addTask { try await self.record(fixture, deposit, ledgerSequence: 100).sequence } }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(sequences.sorted() == Array(101...108))
        }
    }

    @Test func voidingFreesTheSequenceForItsReplacement() async throws {
        try await WorkerFixture.with { fixture in
            let deposit = try await self.pendingStellarDeposit(fixture)
            let first = try await self.record(fixture, deposit, ledgerSequence: 100)
            #expect(first.sequence == 101)
            let second = try await self.record(fixture, deposit, ledgerSequence: 100, voiding: first.hash)
            #expect(second.sequence == 101)
            #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).map(\.state) == [.void, .pending])
            // Voiding what is no longer pending is refused, and nothing of that write remains.
            await #expect(throws: StoreError.self) { _ = try await self.record(fixture, deposit, ledgerSequence: 100, voiding: first.hash) }
            #expect(try await fixture.store.submissions.submissions(transactionID: deposit.id).count == 2)
        }
    }

    @Test func resolvingTwiceIsAConflict() async throws {
        try await WorkerFixture.with { fixture in
            let deposit = try await self.pendingStellarDeposit(fixture)
            let submission = try await self.record(fixture, deposit, ledgerSequence: 7)
            let done = try await fixture.store.submissions.resolveSubmission(hash: submission.hash, state: .applied, result: nil, cause: "test") {
                $0.status = .completed
            }
            #expect(done.status == .completed)
            await #expect(throws: StoreError.self) {
                _ = try await fixture.store.submissions.resolveSubmission(hash: submission.hash, state: .failed, result: nil, cause: "test") {
                    $0.status = .error
                }
            }
            #expect(try await fixture.store.submissions.pendingSubmission(transactionID: deposit.id) == nil)
        }
    }

    @Test func oneWatcherAtATimeHoldsAStream() async throws {
        try await WorkerFixture.with { fixture in
            let cursors = fixture.store.ledgerCursors
            let first = try await cursors.acquire(stream: "s", worker: "a", leaseSeconds: 60)
            #expect(first == LedgerCursorLease(cursor: nil))
            let refused = try await cursors.acquire(stream: "s", worker: "b", leaseSeconds: 60)
            #expect(refused == nil)
            let foreignAdvance = try await cursors.advance(stream: "s", to: "42", worker: "b")
            #expect(!foreignAdvance)
            let ownAdvance = try await cursors.advance(stream: "s", to: "42", worker: "a")
            #expect(ownAdvance)
            let renewed = try await cursors.acquire(stream: "s", worker: "a", leaseSeconds: 0)
            #expect(renewed == LedgerCursorLease(cursor: "42"))
            let takenOver = try await cursors.acquire(stream: "s", worker: "b", leaseSeconds: 60)   // a's lease ran out
            #expect(takenOver == LedgerCursorLease(cursor: "42"))
            #expect(try await cursors.cursor(stream: "s") == "42")
        }
    }
}
