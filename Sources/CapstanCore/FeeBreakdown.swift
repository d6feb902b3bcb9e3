/// The amounts of a transaction once its fee is known: `amountOut = amountIn − amountFee`.
public struct FeeBreakdown: Sendable, Equatable {
    public var amountIn: Amount
    public var amountFee: Amount
    public var amountOut: Amount
    /// `fee_details` as the transaction stores it: the total, the asset's SEP-38 id and any named parts.
    public var feeDetails: Transaction.FeeDetails

    public init(amountIn: Amount, amountFee: Amount, amountOut: Amount, feeDetails: Transaction.FeeDetails) {
        self.amountIn = amountIn
        self.amountFee = amountFee
        self.amountOut = amountOut
        self.feeDetails = feeDetails
    }
}
