import StellarKit

/// stellar-core's `checkValid`: decides whether a transaction may enter a ledger, in core's order, without
/// changing anything. A transaction it refuses is never charged a fee.
struct TransactionValidator {
    let parameters: DevnetParameters

    /// Where and when the transaction would apply.
    struct Moment {
        /// The ledger the transaction would be in.
        var ledgerSequence: UInt32
        /// The close time checked against time bounds and predicates (Unix seconds).
        var closeTime: UInt64
    }

    /// Nil when `frame` is valid; otherwise the result to report. `pendingSequence` gives an account's sequence
    /// number as it will be once transactions already accepted for the next ledger apply.
    func refusal(
        of frame: TransactionFrame, entries: LedgerEntries, at moment: Moment, pendingSequence: (String) -> Int64? = { _ in nil }
    ) -> TransactionOutcome? {
        let fee = frame.feeCharged(baseFee: self.parameters.baseFee)
        guard let feeBump = frame.feeBump else {
            let failure = self.innerRefusal(of: frame, entries: entries, at: moment, checksFee: true, pendingSequence: pendingSequence)
            return failure.map { $0.outcome(feeCharged: fee) }
        }
        // The fee bump's own checks come first, then the inner transaction's.
        guard frame.feeBid >= frame.minimumFee(baseFee: self.parameters.baseFee), frame.feeBid >= Int64(frame.transaction.fee) else {
            return TransactionOutcome(feeCharged: fee, code: .insufficientFee)
        }
        guard let feeSource = entries.accounts[feeBump.feeSource.accountId] else {
            return TransactionOutcome(feeCharged: fee, code: .noAccount)
        }
        var outer = SignatureChecker(hash: frame.hash, signatures: feeBump.signatures)
        guard outer.check(signers: SignatureChecker.signers(of: feeSource), neededWeight: feeSource.lowThreshold) else {
            return TransactionOutcome(feeCharged: fee, code: .badAuth)
        }
        guard outer.allSignaturesUsed else { return TransactionOutcome(feeCharged: fee, code: .badAuthExtra) }
        guard feeSource.availableBalance(baseReserve: self.parameters.baseReserve) >= frame.feeBid else {
            return TransactionOutcome(feeCharged: fee, code: .insufficientBalance)
        }
        if let failure = self.innerRefusal(of: frame, entries: entries, at: moment, checksFee: false, pendingSequence: pendingSequence) {
            return TransactionOutcome(
                feeCharged: fee, feeBumpOf: .init(hash: frame.innerHash, code: failure.code, operations: failure.operations)
            )
        }
        return nil
    }

    /// Why the (inner) transaction is invalid.
    struct Failure {
        var code: TransactionResultCode
        var operations: [OperationResult] = []

        func outcome(feeCharged: Int64) -> TransactionOutcome {
            TransactionOutcome(feeCharged: feeCharged, code: self.code, operations: self.operations)
        }
    }

    private func innerRefusal(
        of frame: TransactionFrame, entries: LedgerEntries, at moment: Moment, checksFee: Bool, pendingSequence: (String) -> Int64?
    ) -> Failure? {
        let transaction = frame.transaction
        guard !transaction.operations.isEmpty else { return Failure(code: .missingOperation) }
        if let failure = self.boundsFailure(transaction.preconditions, at: moment) { return Failure(code: failure) }
        if checksFee, frame.feeBid < frame.minimumFee(baseFee: self.parameters.baseFee) { return Failure(code: .insufficientFee) }
        let sourceID = transaction.sourceAccount.accountId
        guard let source = entries.accounts[sourceID] else { return Failure(code: .noAccount) }
        if let failure = self.sequenceFailure(transaction, source: source, current: pendingSequence(sourceID) ?? source.sequence, at: moment) {
            return Failure(code: failure)
        }
        var checker = SignatureChecker(hash: frame.innerHash, signatures: frame.innerSignatures)
        guard checker.check(signers: SignatureChecker.signers(of: source), neededWeight: source.lowThreshold),
            self.extraSignersPresent(transaction.preconditions, checker: &checker)
        else { return Failure(code: .badAuth) }
        if checksFee, source.availableBalance(baseReserve: self.parameters.baseReserve) < frame.feeBid {
            return Failure(code: .insufficientBalance)
        }
        var results: [OperationResult] = []
        var failed = false
        for operation in transaction.operations {
            let opSource = (operation.sourceAccount ?? transaction.sourceAccount).accountId
            let result = self.operationRefusal(operation, source: opSource, entries: entries, checker: &checker)
            failed = failed || result != nil
            results.append(result ?? .success(for: operation.body))
        }
        if failed { return Failure(code: .failed, operations: results) }
        return checker.allSignaturesUsed ? nil : Failure(code: .badAuthExtra)
    }

    private func operationRefusal(
        _ operation: TransactionOperation, source: String, entries: LedgerEntries, checker: inout SignatureChecker
    ) -> OperationResult? {
        if let account = entries.accounts[source] {
            let needed = ThresholdLevel(operation.body).neededWeight(account)
            guard checker.check(signers: SignatureChecker.signers(of: account), neededWeight: needed) else { return .badAuth }
        } else {
            // An account an earlier operation may create: its master key must sign (stellar-core's checkSignatureNoAccount).
            guard let key = try? PublicKey(strKey: source), checker.check(signers: [(.ed25519(key), 1)], neededWeight: 0) else {
                return .badAuth
            }
        }
        return OperationCheck.failure(of: operation.body, source: source)
    }

    private func boundsFailure(_ preconditions: Preconditions, at moment: Moment) -> TransactionResultCode? {
        if let bounds = preconditions.timeBounds {
            if moment.closeTime < bounds.minTime { return .tooEarly }
            if bounds.maxTime != 0, moment.closeTime > bounds.maxTime { return .tooLate }
        }
        if case .v2(let conditions) = preconditions, let ledgers = conditions.ledgerBounds {
            if moment.ledgerSequence < ledgers.minLedger { return .tooEarly }
            if ledgers.maxLedger != 0, moment.ledgerSequence >= ledgers.maxLedger { return .tooLate }
        }
        return nil
    }

    /// The next sequence number must follow the account's, or (CAP-21) the account's must lie in `[minSeqNum, seq)`.
    private func sequenceFailure(_ transaction: Transaction, source: AccountEntry, current: Int64, at moment: Moment) -> TransactionResultCode? {
        guard case .v2(let conditions) = transaction.preconditions else {
            return current != Int64.max && transaction.sequenceNumber == current + 1 ? nil : .badSequence
        }
        if let minimum = conditions.minSequenceNumber {
            guard current >= minimum, current < transaction.sequenceNumber else { return .badSequence }
        } else if current == Int64.max || transaction.sequenceNumber != current + 1 {
            return .badSequence
        }
        let (earliest, overflow) = source.sequenceTime.addingReportingOverflow(conditions.minSequenceAge)
        if conditions.minSequenceAge > 0, overflow || moment.closeTime < earliest { return .badMinSequenceAgeOrGap }
        if conditions.minSequenceLedgerGap > 0, UInt64(moment.ledgerSequence) < UInt64(source.sequenceLedger) + UInt64(conditions.minSequenceLedgerGap) {
            return .badMinSequenceAgeOrGap
        }
        return nil
    }

    /// CAP-21 extra signers: each must have signed.
    private func extraSignersPresent(_ preconditions: Preconditions, checker: inout SignatureChecker) -> Bool {
        guard case .v2(let conditions) = preconditions else { return true }
        return conditions.extraSigners.allSatisfy { checker.check(signers: [($0, 1)], neededWeight: 1) }
    }
}
