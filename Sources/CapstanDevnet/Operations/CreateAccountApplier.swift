import StellarKit

/// CreateAccount: a new account funded by its creator, with sequence number `ledger << 32` as in stellar-core.
enum CreateAccountApplier {
    static func apply(_ op: CreateAccountOp, source: String, entries: inout LedgerEntries, context: OperationContext) -> CreateAccountResultCode {
        let destination = op.destination.strKey
        guard entries.accounts[destination] == nil else { return .alreadyExists }
        guard op.startingBalance >= 2 * context.baseReserve else { return .lowReserve }
        do {
            try entries.debit(source, .native, op.startingBalance, context: context)
        } catch {
            return .underfunded
        }
        entries.accounts[destination] = AccountEntry(
            accountID: destination, balance: op.startingBalance, sequence: Int64(context.ledgerSequence) << 32,
            ledger: context.ledgerSequence, closeTime: context.closeTime
        )
        return .success
    }
}
