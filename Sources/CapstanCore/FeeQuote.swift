/// A provider's answer: the total fee in units of the asset, and optionally its named parts.
public struct FeeQuote: Sendable, Equatable {
    public var total: Amount
    public var details: [Transaction.FeeDetails.Item]

    public init(total: Amount, details: [Transaction.FeeDetails.Item] = []) {
        self.total = total
        self.details = details
    }
}
