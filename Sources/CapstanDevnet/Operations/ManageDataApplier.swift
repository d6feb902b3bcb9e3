import Foundation
import StellarKit

/// ManageData: sets a named value on the source account, or deletes it when the value is absent.
enum ManageDataApplier {
    static func apply(_ op: ManageDataOp, source: String, entries: inout LedgerEntries, context: OperationContext) -> OperationResult {
        guard var account = entries.accounts[source] else { return .manageData(.nameNotFound) }
        if let value = op.value {
            if account.data[op.name] == nil {
                guard account.subentryCount < ChangeTrustApplier.maximumSubentries else { return .tooManySubentries }
                guard account.balance >= account.minimumBalance(baseReserve: context.baseReserve, extraEntries: 1) else {
                    return .manageData(.lowReserve)
                }
            }
            account.data[op.name] = Data(value)
        } else {
            guard account.data.removeValue(forKey: op.name) != nil else { return .manageData(.nameNotFound) }
        }
        account.touch(ledger: context.ledgerSequence, closeTime: context.closeTime)
        entries.accounts[source] = account
        return .manageData(.success)
    }
}
