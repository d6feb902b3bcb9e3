import CapstanCore

/// Recomputes a transaction's fee and `amount_out` when the amount that actually arrived differs from the one
/// the user asked for (or no amounts were set yet); keeps them untouched otherwise.
struct AmountRecalculation: Sendable {
    var amountIn: Amount
    var amountFee: Amount?
    var amountOut: Amount?
    var feeDetails: Transaction.FeeDetails?

    /// - Parameters:
    ///   - railFee: a fee the rail itself reported for the received amount; used as is when given.
    static func make(
        for transaction: Transaction, received: Amount, railFee: Amount?, asset: Asset, operation: FeeOperation,
        provider: (any FeeProvider)?
    ) async throws(FeeError) -> AmountRecalculation {
        if transaction.amountIn == received, railFee == nil, transaction.amountOut != nil {
            return AmountRecalculation(
                amountIn: received, amountFee: transaction.amountFee, amountOut: transaction.amountOut, feeDetails: transaction.feeDetails)
        }
        if let railFee {
            guard railFee <= received else { throw .exceedsAmount(fee: railFee, amount: received) }
            return AmountRecalculation(
                amountIn: received, amountFee: railFee, amountOut: Amount(units: received.units - railFee.units),
                feeDetails: Transaction.FeeDetails(total: railFee, asset: asset.sep38Identifier))
        }
        let breakdown = try await FeeCalculator().quote(
            asset: asset, operation: operation, amount: received, type: transaction.type, context: transaction.protocol,
            fundingMethod: transaction.fundingMethod, provider: provider)
        return AmountRecalculation(
            amountIn: breakdown.amountIn, amountFee: breakdown.amountFee, amountOut: breakdown.amountOut, feeDetails: breakdown.feeDetails)
    }

    func apply(to transaction: inout Transaction) {
        transaction.amountIn = self.amountIn
        transaction.amountFee = self.amountFee
        transaction.amountOut = self.amountOut
        transaction.feeDetails = self.feeDetails
    }
}
