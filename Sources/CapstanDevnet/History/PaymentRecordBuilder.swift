import StellarKit

/// Turns an applied transaction's payment-family operations into history records.
enum PaymentRecordBuilder {
    static func records(
        for transaction: Transaction, results: [OperationResult], hash: String, successful: Bool,
        ledger: UInt32, order: UInt32, closeTime: UInt64
    ) -> [PaymentRecord] {
        var records: [PaymentRecord] = []
        for (index, operation) in transaction.operations.enumerated() {
            let source = operation.sourceAccount ?? transaction.sourceAccount
            let result = index < results.count ? results[index] : OperationResult.notSupported
            var record = PaymentRecord(
                id: OperationID.operation(ledger: ledger, order: order, index: index + 1), kind: .payment, transactionHash: hash,
                transactionSuccessful: successful, createdAt: closeTime, sourceAccount: source.accountId,
                sourceAccountMuxed: self.muxed(source)
            )
            guard self.fill(&record, operation.body, source: source, result: result) else { continue }
            records.append(record)
        }
        return records
    }

    /// Fills the kind-specific fields; false for operations that are not payments.
    private static func fill(_ record: inout PaymentRecord, _ body: OperationBody, source: MuxedAccount, result: OperationResult) -> Bool {
        switch body {
        case .createAccount(let op):
            record.kind = .createAccount
            record.funder = source.accountId
            record.account = op.destination.strKey
            record.startingBalance = op.startingBalance
        case .payment(let op):
            record.kind = .payment
            self.fillParties(&record, source: source, destination: op.destination)
            record.asset = AssetText.canonical(op.asset)
            record.amount = op.amount
        case .pathPaymentStrictReceive(let op):
            record.kind = .pathPaymentStrictReceive
            self.fillParties(&record, source: source, destination: op.destination)
            record.asset = AssetText.canonical(op.destAsset)
            record.amount = op.destAmount
            record.sourceAsset = AssetText.canonical(op.sendAsset)
            record.sourceMax = op.sendMax
            record.sourceAmount = self.sourceAmount(result) ?? 0
            record.path = op.path.map(AssetText.canonical)
        case .pathPaymentStrictSend(let op):
            record.kind = .pathPaymentStrictSend
            self.fillParties(&record, source: source, destination: op.destination)
            record.asset = AssetText.canonical(op.destAsset)
            // Horizon shows what was delivered, which only the result knows.
            record.amount = self.deliveredAmount(result) ?? 0
            record.sourceAsset = AssetText.canonical(op.sendAsset)
            record.sourceAmount = op.sendAmount
            record.destinationMin = op.destMin
            record.path = op.path.map(AssetText.canonical)
        case .accountMerge(let destination):
            record.kind = .accountMerge
            record.account = source.accountId
            record.into = destination.accountId
            record.intoMuxed = self.muxed(destination)
        default:
            return false
        }
        return true
    }

    private static func fillParties(_ record: inout PaymentRecord, source: MuxedAccount, destination: MuxedAccount) {
        record.from = source.accountId
        record.fromMuxed = self.muxed(source)
        record.to = destination.accountId
        record.toMuxed = self.muxed(destination)
    }

    private static func muxed(_ account: MuxedAccount) -> String? {
        account.id == nil ? nil : account.strKey
    }

    private static func sourceAmount(_ result: OperationResult) -> Int64? {
        guard case .pathPaymentStrictReceive(.success, .delivered(_, _, _, let sourceAmount)) = result else { return nil }
        return sourceAmount
    }

    private static func deliveredAmount(_ result: OperationResult) -> Int64? {
        guard case .pathPaymentStrictSend(.success, .delivered(_, _, let amount, _)) = result else { return nil }
        return amount
    }
}
