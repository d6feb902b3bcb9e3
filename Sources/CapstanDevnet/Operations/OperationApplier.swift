import StellarKit

/// Applies one operation to the ledger's entries, dispatching to the applier for its family.
enum OperationApplier {
    /// The operation's result. On failure `entries` may hold partial changes; the caller discards them.
    static func apply(_ body: OperationBody, source: String, entries: inout LedgerEntries, context: OperationContext) -> OperationResult {
        guard entries.accounts[source] != nil else { return .noAccount }
        switch body {
        case .createAccount(let op):
            return .createAccount(CreateAccountApplier.apply(op, source: source, entries: &entries, context: context))
        case .payment(let op):
            return .payment(PaymentApplier.apply(op, source: source, entries: &entries, context: context))
        case .pathPaymentStrictReceive(let op):
            let (code, detail) = PaymentApplier.apply(op, source: source, entries: &entries, context: context)
            return .pathPaymentStrictReceive(code, detail)
        case .pathPaymentStrictSend(let op):
            let (code, detail) = PaymentApplier.apply(op, source: source, entries: &entries, context: context)
            return .pathPaymentStrictSend(code, detail)
        case .setOptions(let op):
            return .setOptions(SetOptionsApplier.apply(op, source: source, entries: &entries, context: context))
        case .changeTrust(let op):
            return ChangeTrustApplier.apply(op, source: source, entries: &entries, context: context)
        case .accountMerge(let destination):
            return AccountMergeApplier.apply(destination, source: source, entries: &entries, context: context)
        case .manageData(let op):
            return ManageDataApplier.apply(op, source: source, entries: &entries, context: context)
        case .createClaimableBalance(let op):
            return ClaimableBalanceApplier.create(op, source: source, entries: &entries, context: context)
        case .claimClaimableBalance(let op):
            return .claimClaimableBalance(ClaimableBalanceApplier.claim(op, source: source, entries: &entries, context: context))
        }
    }
}
