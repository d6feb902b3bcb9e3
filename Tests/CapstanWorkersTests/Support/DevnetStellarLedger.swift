import CapstanWorkers
import StellarKit
@testable import CapstanDevnet

/// `StellarLedger` over the in-process devnet ledger: its real validation (signatures, sequence numbers, balances,
/// reserves, trustlines, authorisation, time bounds), without the HTTP layer.
struct DevnetStellarLedger: StellarLedger {
    let ledger: DevnetLedger

    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? {
        guard let entry = await self.ledger.account(accountID) else { return nil }
        let lines = entry.trustlines.compactMap { line -> LedgerAccountState.Trustline? in
            let parts = line.asset.split(separator: ":").map(String.init)
            guard parts.count == 2 else { return nil }
            return .init(assetCode: parts[0], assetIssuer: parts[1], balance: line.balance, limit: line.limit, authorized: line.isAuthorized)
        }
        return LedgerAccountState(accountID: accountID, sequence: entry.sequence, nativeBalance: entry.balance, trustlines: lines)
    }

    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome {
        switch await self.ledger.submit(envelopeXDR: envelopeXDR) {
        case .malformed:
            return .failed(.other(transaction: "tx_malformed", operations: []))
        case .rejected(_, let outcome):
            return .failed(SubmitFailure(transactionCode: outcome.resultCodes.transaction, operationCodes: outcome.resultCodes.operations ?? []))
        case .applied(let record):
            guard record.successful else { return .failed(Self.failure(record)) }
            return .applied(hash: record.hash, ledger: record.ledger)
        }
    }

    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup {
        guard let record = await self.ledger.transaction(hash) else { return .notFound }
        return .found(ledger: record.ledger, failure: record.successful ? nil : Self.failure(record))
    }

    private static func failure(_ record: TransactionRecord) -> SubmitFailure {
        SubmitFailure(transactionCode: record.resultCodes.transaction, operationCodes: record.resultCodes.operations ?? [])
    }
}

/// `PaymentSource` over the devnet's payment history (Horizon's `/accounts/{id}/payments` with `join=transactions`).
struct DevnetPaymentSource: PaymentSource {
    let ledger: DevnetLedger

    func payments(account: String, after cursor: String?, limit: Int) async throws(StellarLedgerError) -> [PaymentSourceItem] {
        let request = PageRequest(cursor: cursor.flatMap { Int64($0) }, order: .ascending, limit: limit)
        let records = await self.ledger.payments(account: account, request, includeFailed: false)
        var items: [PaymentSourceItem] = []
        for record in records {
            let token = String(record.id)
            guard record.kind == .payment, let from = record.from, let to = record.to, let assetText = record.asset,
                let amount = record.amount, let transaction = await self.ledger.transaction(record.transactionHash)
            else {
                items.append(.unreadable(pagingToken: token, reason: "not a plain payment"))
                continue
            }
            let asset: LedgerPayment.AssetID
            if assetText == "native" {
                asset = .native
            } else {
                let parts = assetText.split(separator: ":").map(String.init)
                guard parts.count == 2 else {
                    items.append(.unreadable(pagingToken: token, reason: "asset \(assetText)"))
                    continue
                }
                asset = .credit(code: parts[0], issuer: parts[1])
            }
            items.append(.payment(LedgerPayment(
                pagingToken: token, transactionHash: record.transactionHash, successful: record.transactionSuccessful, from: from,
                to: to, asset: asset, amount: amount, memo: transaction.memo, memoType: transaction.memoType)))
        }
        return items
    }
}
