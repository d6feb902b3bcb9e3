import StellarKit

/// Payment and both path payments. stellar-core checks the destination side before the source side, and so does this.
/// Path payments convert through `PathConversion` (there is no order book); the issuer of either asset mints or burns.
enum PaymentApplier {
    static func apply(_ op: PaymentOp, source: String, entries: inout LedgerEntries, context: OperationContext) -> PaymentResultCode {
        let destination = op.destination.accountId
        guard entries.issuerExists(op.asset) else { return .noIssuer }
        guard entries.accounts[destination] != nil else { return .noDestination }
        // Paying oneself changes nothing, as in stellar-core.
        if destination == source { return .success }
        return self.move(op.asset, op.amount, from: source, receiving: op.asset, op.amount, to: destination, entries: &entries, context: context)
    }

    static func apply(
        _ op: PathPaymentStrictReceiveOp, source: String, entries: inout LedgerEntries, context: OperationContext
    ) -> (PaymentResultCode, PathPaymentDetail) {
        guard let cost = context.parameters.conversions.cost(op.destAmount, of: op.destAsset, from: op.sendAsset) else {
            return (.tooFewOffers, .none)
        }
        guard cost <= op.sendMax else { return (.overSendMaxOrUnderDestMin, .none) }
        return self.applyPath(
            sendAsset: op.sendAsset, sendAmount: cost, destination: op.destination.accountId, destAsset: op.destAsset,
            destAmount: op.destAmount, source: source, entries: &entries, context: context
        )
    }

    static func apply(
        _ op: PathPaymentStrictSendOp, source: String, entries: inout LedgerEntries, context: OperationContext
    ) -> (PaymentResultCode, PathPaymentDetail) {
        guard let delivered = context.parameters.conversions.deliver(op.sendAmount, from: op.sendAsset, to: op.destAsset), delivered > 0 else {
            return (.tooFewOffers, .none)
        }
        guard delivered >= op.destMin else { return (.overSendMaxOrUnderDestMin, .none) }
        return self.applyPath(
            sendAsset: op.sendAsset, sendAmount: op.sendAmount, destination: op.destination.accountId, destAsset: op.destAsset,
            destAmount: delivered, source: source, entries: &entries, context: context
        )
    }

    private static func applyPath(
        sendAsset: Asset, sendAmount: Int64, destination: String, destAsset: Asset, destAmount: Int64,
        source: String, entries: inout LedgerEntries, context: OperationContext
    ) -> (PaymentResultCode, PathPaymentDetail) {
        for asset in [destAsset, sendAsset] where !entries.issuerExists(asset) { return (.noIssuer, .noIssuer(asset)) }
        guard entries.accounts[destination] != nil, let destinationKey = try? PublicKey(strKey: destination) else {
            return (.noDestination, .none)
        }
        let code = self.move(sendAsset, sendAmount, from: source, receiving: destAsset, destAmount, to: destination, entries: &entries, context: context)
        guard code == .success else { return (code, .none) }
        return (code, .delivered(destination: destinationKey, asset: destAsset, amount: destAmount, sourceAmount: sendAmount))
    }

    /// Credits the destination, then debits the source, mapping failures to payment codes.
    private static func move(
        _ sendAsset: Asset, _ sendAmount: Int64, from source: String, receiving destAsset: Asset, _ destAmount: Int64, to destination: String,
        entries: inout LedgerEntries, context: OperationContext
    ) -> PaymentResultCode {
        do {
            try entries.credit(destination, destAsset, destAmount, context: context)
        } catch {
            switch error {
            case .noTrust: return .noTrust
            case .notAuthorized: return .notAuthorized
            case .underfunded, .lineFull: return .lineFull
            }
        }
        do {
            try entries.debit(source, sendAsset, sendAmount, context: context)
        } catch {
            switch error {
            case .noTrust: return .sourceNoTrust
            case .notAuthorized: return .sourceNotAuthorized
            case .underfunded, .lineFull: return .underfunded
            }
        }
        return .success
    }
}
