import StellarKit

/// Applies a valid transaction as stellar-core does: the fee is charged and the sequence number consumed
/// whatever happens, then the operations apply all or nothing.
struct TransactionApplier {
    let parameters: DevnetParameters

    /// What applying produced.
    struct Applied: Sendable {
        var outcome: TransactionOutcome
        var record: TransactionRecord
        var payments: [PaymentRecord]
    }

    func apply(_ frame: TransactionFrame, entries: inout LedgerEntries, ledger: UInt32, closeTime: UInt64, order: UInt32) -> Applied {
        let transaction = frame.transaction
        let fee = frame.feeCharged(baseFee: self.parameters.baseFee)
        self.chargeFee(fee, to: frame.feeSource.accountId, entries: &entries, ledger: ledger, closeTime: closeTime)
        let sourceID = transaction.sourceAccount.accountId
        if var source = entries.accounts[sourceID] {
            source.sequence = transaction.sequenceNumber
            source.sequenceLedger = ledger
            source.sequenceTime = closeTime
            source.touch(ledger: ledger, closeTime: closeTime)
            entries.accounts[sourceID] = source
        }

        var working = entries
        var results: [OperationResult] = []
        for (index, operation) in transaction.operations.enumerated() {
            let context = OperationContext(
                parameters: self.parameters, ledgerSequence: ledger, closeTime: closeTime,
                transactionSource: transaction.sourceAccount.ed25519, transactionSequence: transaction.sequenceNumber, operationIndex: index
            )
            // Each operation applies to its own copy so that a failed one leaves nothing behind; later
            // operations still run so that every one gets its own result code, as in stellar-core.
            var scratch = working
            let source = (operation.sourceAccount ?? transaction.sourceAccount).accountId
            let result = OperationApplier.apply(operation.body, source: source, entries: &scratch, context: context)
            if result.isSuccess { working = scratch }
            results.append(result)
        }
        let succeeded = results.allSatisfy(\.isSuccess)
        if succeeded { entries = working }
        self.removeOneTimeSigners(frame, entries: &entries)

        let innerCode: TransactionResultCode = succeeded ? .success : .failed
        let outcome = frame.feeBump == nil
            ? TransactionOutcome(feeCharged: fee, code: innerCode, operations: results)
            : TransactionOutcome(feeCharged: fee, feeBumpOf: .init(hash: frame.innerHash, code: innerCode, operations: results))
        let record = TransactionRecord(frame: frame, outcome: outcome, ledger: ledger, order: order, closeTime: closeTime)
        let payments = PaymentRecordBuilder.records(
            for: transaction, results: results, hash: frame.hashHex, successful: succeeded, ledger: ledger, order: order, closeTime: closeTime
        )
        return Applied(outcome: outcome, record: record, payments: payments)
    }

    private func chargeFee(_ fee: Int64, to accountID: String, entries: inout LedgerEntries, ledger: UInt32, closeTime: UInt64) {
        guard var account = entries.accounts[accountID] else { return }
        account.balance -= min(fee, account.balance)
        account.touch(ledger: ledger, closeTime: closeTime)
        entries.accounts[accountID] = account
    }

    /// A pre-authorized transaction signer is used up once its transaction applies, successful or not.
    private func removeOneTimeSigners(_ frame: TransactionFrame, entries: inout LedgerEntries) {
        guard let key = try? SignerKey.preAuthTx(frame.innerHash).strKey() else { return }
        let transaction = frame.transaction
        let sources = Set([transaction.sourceAccount.accountId] + transaction.operations.compactMap { $0.sourceAccount?.accountId })
        for source in sources {
            guard var account = entries.accounts[source], account.signers.contains(where: { $0.key == key }) else { continue }
            account.signers.removeAll { $0.key == key }
            entries.accounts[source] = account
        }
    }
}
