import StellarKit

/// AccountMerge: moves every lumen of the source into the destination and deletes the source. Signers go with
/// the account; trustlines, data entries and sponsored reserves must be gone first.
enum AccountMergeApplier {
    static func apply(_ destination: MuxedAccount, source: String, entries: inout LedgerEntries, context: OperationContext) -> OperationResult {
        let destinationID = destination.accountId
        guard var target = entries.accounts[destinationID], let account = entries.accounts[source] else {
            return .accountMerge(.noAccount, balance: 0)
        }
        guard account.flags & AccountFlags.authImmutable == 0 else { return .accountMerge(.immutableSet, balance: 0) }
        guard account.trustlines.isEmpty, account.data.isEmpty else { return .accountMerge(.hasSubEntries, balance: 0) }
        guard account.numSponsoring == 0 else { return .accountMerge(.isSponsor, balance: 0) }
        // An account whose sequence number could be reused by a re-created account may not be merged.
        guard account.sequence < Int64(context.ledgerSequence) << 32 else { return .accountMerge(.seqNumTooFar, balance: 0) }
        let (sum, overflow) = target.balance.addingReportingOverflow(account.balance)
        guard !overflow else { return .accountMerge(.destinationFull, balance: 0) }
        target.balance = sum
        target.touch(ledger: context.ledgerSequence, closeTime: context.closeTime)
        entries.accounts[destinationID] = target
        entries.accounts[source] = nil
        return .accountMerge(.success, balance: account.balance)
    }
}
