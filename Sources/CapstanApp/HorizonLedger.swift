import CapstanWorkers
import StellarHorizon

/// The workers' ledger and payment source over a real Horizon (or `capstan devnet`): maps Horizon's records and typed
/// submit errors onto the narrow shapes the workers reason about.
struct HorizonLedger: StellarLedger, PaymentSource {
    let client: HorizonClient

    func account(_ accountID: String) async throws(StellarLedgerError) -> LedgerAccountState? {
        let account: HorizonAccount?
        do { account = try await self.client.account(accountID) } catch { throw .unavailable("\(error)") }
        guard let account else { return nil }
        var native: Int64 = 0
        var trustlines: [LedgerAccountState.Trustline] = []
        for balance in account.balances {
            if balance.asset.isNative {
                native = balance.balance.stroops
            } else if let code = balance.asset.code, let issuer = balance.asset.issuer {
                trustlines.append(.init(
                    assetCode: code, assetIssuer: issuer, balance: balance.balance.stroops, limit: balance.limit?.stroops ?? Int64.max,
                    authorized: balance.isAuthorized ?? true))
            }
        }
        return LedgerAccountState(accountID: account.id, sequence: account.sequence, nativeBalance: native, trustlines: trustlines)
    }

    func submit(envelopeXDR: String) async throws(StellarLedgerError) -> SubmitOutcome {
        do {
            let applied = try await self.client.submit(envelopeXDR: envelopeXDR)
            return .applied(hash: applied.hash, ledger: UInt32(clamping: applied.ledger))
        } catch {
            if error.isOutcomeUnknown { return .failed(.outcomeUnknown("\(error)")) }
            if let failure = error.failure { return .failed(Self.failure(failure.resultCodes)) }
            switch error {
            // Not submitted at all: try again later with the same envelope.
            case .rateLimited: throw .unavailable("Horizon rate limit")
            case .malformed(let detail): return .failed(.other(transaction: "tx_malformed", operations: [detail]))
            case .rejected(let status, let type, _): return .failed(.other(transaction: "http_\(status)_\(type)", operations: []))
            default: return .failed(.outcomeUnknown("\(error)"))
            }
        }
    }

    func transaction(hash: String) async throws(StellarLedgerError) -> LedgerTransactionLookup {
        let found: HorizonTransaction?
        do { found = try await self.client.transaction(hash: hash) } catch { throw .unavailable("\(error)") }
        guard let found else { return .notFound }
        let failure = found.failure.map { error in error.failure.map { Self.failure($0.resultCodes) } ?? .other(transaction: "tx_failed", operations: []) }
        return .found(ledger: UInt32(clamping: found.ledger), failure: failure)
    }

    func payments(account: String, after cursor: String?, limit: Int) async throws(StellarLedgerError) -> [PaymentSourceItem] {
        let page: HorizonPage<HorizonPayment>
        do { page = try await self.client.payments(forAccount: account, cursor: cursor, limit: limit) } catch { throw .unavailable("\(error)") }
        var items: [PaymentSourceItem] = page.records.map(Self.item)
        for record in page.undecodable {
            // A record without a readable paging token cannot be placed in the stream; the next page moves past it.
            if let token = record.pagingToken { items.append(.unreadable(pagingToken: token, reason: record.reason)) }
        }
        // Horizon pages are ascending; merging the unreadable ones back keeps the cursor moving forward only.
        return items.sorted { Self.precedes($0.pagingToken, $1.pagingToken) }
    }

    static func failure(_ codes: HorizonResultCodes) -> SubmitFailure {
        SubmitFailure(transactionCode: codes.effectiveTransactionCode, operationCodes: codes.operations)
    }

    static func item(_ payment: HorizonPayment) -> PaymentSourceItem {
        guard let to = payment.recipient, let amount = payment.receivedAmount, let asset = payment.receivedAsset else {
            return .unreadable(pagingToken: payment.pagingToken, reason: "\(payment.kind.rawValue) without recipient, amount or asset")
        }
        let assetID: LedgerPayment.AssetID
        if asset.isNative {
            assetID = .native
        } else if let code = asset.code, let issuer = asset.issuer {
            assetID = .credit(code: code, issuer: issuer)
        } else {
            return .unreadable(pagingToken: payment.pagingToken, reason: "asset without code or issuer")
        }
        return .payment(LedgerPayment(
            pagingToken: payment.pagingToken, transactionHash: payment.transactionHash, successful: payment.transactionSuccessful,
            from: payment.from ?? payment.funder ?? payment.sourceAccount, to: to, asset: assetID, amount: amount.stroops,
            memo: payment.memo?.value, memoType: payment.memo?.type ?? "none"))
    }

    /// Paging tokens are decimal numbers: shorter is smaller.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count < b.count : a < b
    }
}
