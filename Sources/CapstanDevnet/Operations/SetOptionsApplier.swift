import StellarKit

/// SetOptions: flags, master weight, thresholds, home domain, inflation destination and one signer.
enum SetOptionsApplier {
    /// stellar-core's cap on signers per account.
    static let maximumSigners = 20

    static func apply(_ op: SetOptionsOp, source: String, entries: inout LedgerEntries, context: OperationContext) -> SetOptionsResultCode {
        guard var account = entries.accounts[source] else { return .badSigner }
        if let destination = op.inflationDestination {
            guard entries.accounts[destination.strKey] != nil else { return .invalidInflation }
            account.inflationDestination = destination.strKey
        }
        if op.setFlags != nil || op.clearFlags != nil {
            // Once AUTH_IMMUTABLE is set, no authorization flag may change.
            guard account.flags & AccountFlags.authImmutable == 0 else { return .cantChange }
            let flags = (account.flags & ~(op.clearFlags ?? 0)) | (op.setFlags ?? 0)
            if flags & AccountFlags.authClawbackEnabled != 0, flags & AccountFlags.authRevocable == 0 { return .authRevocableRequired }
            account.flags = flags
        }
        if let weight = op.masterWeight { account.masterWeight = weight }
        if let low = op.lowThreshold { account.lowThreshold = low }
        if let medium = op.mediumThreshold { account.mediumThreshold = medium }
        if let high = op.highThreshold { account.highThreshold = high }
        if let homeDomain = op.homeDomain { account.homeDomain = homeDomain }
        if let signer = op.signer {
            guard let key = try? signer.key.strKey() else { return .badSigner }
            if let code = self.updateSigner(key: key, weight: signer.weight, account: &account, context: context) { return code }
        }
        account.touch(ledger: context.ledgerSequence, closeTime: context.closeTime)
        entries.accounts[source] = account
        return .success
    }

    /// Adds, reweighs or (weight 0) removes a signer; nil on success.
    private static func updateSigner(key: String, weight: UInt32, account: inout AccountEntry, context: OperationContext) -> SetOptionsResultCode? {
        if let index = account.signers.firstIndex(where: { $0.key == key }) {
            if weight == 0 {
                account.signers.remove(at: index)
            } else {
                account.signers[index].weight = weight
            }
            return nil
        }
        // Removing a signer that is not there changes nothing.
        guard weight > 0 else { return nil }
        guard account.signers.count < self.maximumSigners else { return .tooManySigners }
        guard account.balance >= account.minimumBalance(baseReserve: context.baseReserve, extraEntries: 1) else { return .lowReserve }
        account.signers.append(AccountSigner(key: key, weight: weight))
        account.signers.sort { $0.key < $1.key }
        return nil
    }
}
