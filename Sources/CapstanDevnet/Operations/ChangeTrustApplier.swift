import StellarKit

/// ChangeTrust: creates a trustline (authorized unless the issuer requires authorization), changes its limit,
/// or with limit 0 removes it once it is empty.
enum ChangeTrustApplier {
    /// stellar-core's cap on an account's subentries.
    static let maximumSubentries = 1000

    static func apply(_ op: ChangeTrustOp, source: String, entries: inout LedgerEntries, context: OperationContext) -> OperationResult {
        guard let asset = op.line.asset, let issuer = asset.issuer, var account = entries.accounts[source] else {
            return .changeTrust(.malformed)
        }
        let name = AssetText.canonical(asset)
        if let index = account.trustlineIndex(name) {
            let line = account.trustlines[index]
            // A limit below the balance, including 0 on a non-empty line, is refused.
            guard op.limit >= line.balance else { return .changeTrust(.invalidLimit) }
            if op.limit == 0 {
                account.trustlines.remove(at: index)
            } else {
                account.trustlines[index].limit = op.limit
                account.trustlines[index].lastModifiedLedger = context.ledgerSequence
            }
        } else {
            guard op.limit > 0 else { return .changeTrust(.invalidLimit) }
            guard let issuerAccount = entries.accounts[issuer.strKey] else { return .changeTrust(.noIssuer) }
            guard account.subentryCount < self.maximumSubentries else { return .tooManySubentries }
            guard account.balance >= account.minimumBalance(baseReserve: context.baseReserve, extraEntries: 1) else {
                return .changeTrust(.lowReserve)
            }
            let authorized = issuerAccount.flags & AccountFlags.authRequired == 0
            account.trustlines.append(
                TrustlineEntry(
                    asset: name, balance: 0, limit: op.limit, flags: authorized ? TrustlineFlags.authorized : 0,
                    lastModifiedLedger: context.ledgerSequence
                )
            )
        }
        account.touch(ledger: context.ledgerSequence, closeTime: context.closeTime)
        entries.accounts[source] = account
        return .changeTrust(.success)
    }
}
