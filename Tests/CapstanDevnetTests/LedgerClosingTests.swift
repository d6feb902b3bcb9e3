import Foundation
import Logging
import StellarKit
import Testing
@testable import CapstanDevnet

@Suite struct LedgerClosingTests {
    @Test func submissionsWaitForTheirLedgerToClose() async throws {
        let ledger = try DevnetLedger(closesOnSubmit: false, logger: Logger(label: "devnet-test"))
        let alice = KeyPair.random(), bob = KeyPair.random()
        let funding = Task { await ledger.fund(alice.accountId) }
        let secondFunding = Task { await ledger.fund(bob.accountId) }
        // Nothing is answered until a ledger closes; both friendbot transactions share the next one.
        while await ledger.pendingCount < 2 { try await Task.sleep(for: .milliseconds(5)) }
        let before = await ledger.latestLedger.sequence
        await ledger.closeLedger()
        for task in [funding, secondFunding] {
            guard case .submitted(.applied(let record)) = await task.value else {
                Issue.record("friendbot was not applied")
                return
            }
            #expect(record.ledger == before + 1)
            #expect(record.successful)
        }
        #expect(await ledger.latestLedger.successfulTransactionCount == 2)
        // Root's sequence numbers were chained in the queue, one per transaction.
        #expect(await ledger.account(ledger.parameters.rootKeyPair.accountId)?.sequence == 2)
        await ledger.closeLedger()
        #expect(await ledger.latestLedger.sequence == before + 2)
        #expect(await ledger.latestLedger.successfulTransactionCount == 0)
    }

    @Test func aQueuedTransactionInvalidatedBeforeCloseIsRefusedUncharged() async throws {
        let clock = TestClock()
        let ledger = try DevnetLedger(closesOnSubmit: false, clock: { clock.now }, logger: Logger(label: "devnet-test"))
        let alice = KeyPair.random(), bob = KeyPair.random()
        for account in [alice, bob] {
            let task = Task { await ledger.fund(account.accountId) }
            while await ledger.pendingCount < 1 { try await Task.sleep(for: .milliseconds(5)) }
            await ledger.closeLedger()
            _ = await task.value
        }
        let transaction = Transaction(
            sourceAccount: MuxedAccount(ed25519: alice.publicKey), fee: 100,
            sequenceNumber: (await ledger.account(alice.accountId)?.sequence ?? 0) + 1,
            preconditions: .time(TimeBounds(minTime: 0, maxTime: clock.now + 5)),
            operations: [.payment(destination: MuxedAccount(ed25519: bob.publicKey), asset: .native, amount: 1)]
        )
        let envelope = try TransactionEnvelope(transaction).signed(with: alice, network: .standalone).xdrBase64
        let submission = Task { await ledger.submit(envelopeXDR: envelope) }
        while await ledger.pendingCount < 1 { try await Task.sleep(for: .milliseconds(5)) }
        clock.advance(by: 10)
        await ledger.closeLedger()
        guard case .rejected(_, let outcome) = await submission.value else {
            Issue.record("expected a refusal")
            return
        }
        #expect(outcome.resultCodes.transaction == "tx_too_late")
        #expect(await ledger.account(alice.accountId)?.balance == 100_000_000_000)
    }

    @Test func browsersMayCallTheDevnet() async throws {
        try await DevnetHarness().run { session in
            let response = try await session.get("/", headers: [.origin: "http://wallet.test"])
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            let missing = try await session.get("/accounts/\(KeyPair.random().accountId)", headers: [.origin: "http://wallet.test"])
            #expect(missing.headers[.accessControlAllowOrigin] == "*")
        }
    }
}
