import StellarKit

/// Why an amount could not move into or out of an account.
enum TransferFailure: Error {
    /// No trustline to the asset.
    case noTrust
    /// The trustline is not authorized.
    case notAuthorized
    /// Not enough to spend above the reserve (lumens) or on the trustline.
    case underfunded
    /// The amount would go over the trustline's limit, or over int64.
    case lineFull
}

/// Moving amounts in and out of accounts, shared by every operation that pays. An issuer neither needs nor has a
/// trustline to its own asset: what it sends is minted and what it receives is burned.
extension LedgerEntries {
    /// Takes `amount` of `asset` from `accountID`, which must exist.
    mutating func debit(_ accountID: String, _ asset: Asset, _ amount: Int64, context: OperationContext) throws(TransferFailure) {
        guard var account = self.accounts[accountID] else { throw .noTrust }
        switch asset {
        case .native:
            guard account.availableBalance(baseReserve: context.baseReserve) >= amount else { throw .underfunded }
            account.balance -= amount
        case .creditAlphanum4(_, let issuer), .creditAlphanum12(_, let issuer):
            if issuer.strKey == accountID { return }
            guard let index = account.trustlineIndex(AssetText.canonical(asset)) else { throw .noTrust }
            guard account.trustlines[index].isAuthorized else { throw .notAuthorized }
            guard account.trustlines[index].balance >= amount else { throw .underfunded }
            account.trustlines[index].balance -= amount
            account.trustlines[index].lastModifiedLedger = context.ledgerSequence
        }
        account.touch(ledger: context.ledgerSequence, closeTime: context.closeTime)
        self.accounts[accountID] = account
    }

    /// Adds `amount` of `asset` to `accountID`, which must exist.
    mutating func credit(_ accountID: String, _ asset: Asset, _ amount: Int64, context: OperationContext) throws(TransferFailure) {
        guard var account = self.accounts[accountID] else { throw .noTrust }
        switch asset {
        case .native:
            let (sum, overflow) = account.balance.addingReportingOverflow(amount)
            guard !overflow else { throw .lineFull }
            account.balance = sum
        case .creditAlphanum4(_, let issuer), .creditAlphanum12(_, let issuer):
            if issuer.strKey == accountID { return }
            guard let index = account.trustlineIndex(AssetText.canonical(asset)) else { throw .noTrust }
            guard account.trustlines[index].isAuthorized else { throw .notAuthorized }
            let (sum, overflow) = account.trustlines[index].balance.addingReportingOverflow(amount)
            guard !overflow, sum <= account.trustlines[index].limit else { throw .lineFull }
            account.trustlines[index].balance = sum
            account.trustlines[index].lastModifiedLedger = context.ledgerSequence
        }
        account.touch(ledger: context.ledgerSequence, closeTime: context.closeTime)
        self.accounts[accountID] = account
    }

    /// Whether a credit asset's issuer exists (always true for lumens).
    func issuerExists(_ asset: Asset) -> Bool {
        guard let issuer = asset.issuer else { return true }
        return self.accounts[issuer.strKey] != nil
    }
}
