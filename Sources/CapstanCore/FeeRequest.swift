/// What a fee is asked for, in the field names of the `fee` hook and SEP `GET /fee`.
public struct FeeRequest: Sendable, Equatable, Codable {
    public var operation: FeeOperation
    /// Deprecated SEP-6/24 `type` (`SEPA`, `bank_account`, …).
    public var type: String?
    public var assetCode: String
    public var amount: Amount
    /// The asset's decimal places: the provider rounds its fee to them.
    public var significantDecimals: Int
    /// The SEP asking: `sep6`, `sep24` or `sep31`.
    public var context: String
    public var fundingMethod: String?

    public init(
        operation: FeeOperation, type: String? = nil, assetCode: String, amount: Amount, significantDecimals: Int,
        context: String, fundingMethod: String? = nil
    ) {
        self.operation = operation
        self.type = type
        self.assetCode = assetCode
        self.amount = amount
        self.significantDecimals = significantDecimals
        self.context = context
        self.fundingMethod = fundingMethod
    }

    enum CodingKeys: String, CodingKey {
        case operation, type
        case assetCode = "asset_code"
        case amount
        case significantDecimals = "significant_decimals"
        case context
        case fundingMethod = "funding_method"
    }
}
