import CapstanWorkers
import Synchronization

/// Simulates a crash or a lost connection around submission: for the first `failures` submissions it either
/// submits and then reports a timeout (the envelope landed, the worker does not know), or reports a timeout
/// without submitting (the worker died before the envelope left). Every envelope it is given is recorded.
final class FlakyLedger: StellarLedger {
    enum Mode { case landsThenTimesOut, neverSent }

    let inner: any StellarLedger
    let mode: Mode
    private let state: Mutex<(remaining: Int, submitted: [String])>

    init(_ inner: any StellarLedger, mode: Mode, failures: Int = 1) {
        self.inner = inner
        self.mode = mode
        self.state = Mutex((failures, []))
    }

    var submitted: [String] { self.state.withLock { $0.submitted } }

    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? {
        try await self.inner.account(accountID)
    }

    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome {
        let fail = self.state.withLock { state in
            state.submitted.append(envelopeXDR)
            guard state.remaining > 0 else { return false }
            state.remaining -= 1
            return true
        }
        guard fail else { return try await self.inner.submit(envelopeXDR: envelopeXDR) }
        if self.mode == .landsThenTimesOut { _ = try await self.inner.submit(envelopeXDR: envelopeXDR) }
        return .failed(.outcomeUnknown("simulated timeout"))
    }

    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup {
        try await self.inner.transaction(hash: hash)
    }
}

/// Records every envelope submitted through it.
final class RecordingLedger: StellarLedger {
    let inner: any StellarLedger
    private let envelopes = Mutex<[String]>([])

    init(_ inner: any StellarLedger) {
        self.inner = inner
    }

    var submitted: [String] { self.envelopes.withLock { $0 } }

    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? {
        try await self.inner.account(accountID)
    }

    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome {
        self.envelopes.withLock { $0.append(envelopeXDR) }
        return try await self.inner.submit(envelopeXDR: envelopeXDR)
    }

    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup {
        try await self.inner.transaction(hash: hash)
    }
}
