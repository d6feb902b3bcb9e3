/// The `fee` hook's request: an operation on an amount of one asset.
public struct FeeRequest: Codable, Sendable, Equatable {
    /// What the user is doing, from the anchor's side.
    public enum Operation: String, Codable, Sendable {
        case deposit, withdraw
    }

    public var operation: Operation
    /// The SEP-6/24 `type` (e.g. "SEPA"), if the wallet sent one.
    public var type: String?
    public var assetCode: String
    /// A decimal string, e.g. "100.50".
    public var amount: String
    /// Round the fee to this many decimals (the asset's significant decimals).
    public var significantDecimals: Int?
    /// "sep6", "sep24" or "sep31".
    public var context: String?
    public var fundingMethod: String?

    public init(
        operation: Operation, type: String? = nil, assetCode: String, amount: String, significantDecimals: Int? = nil,
        context: String? = nil, fundingMethod: String? = nil
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
        case operation, type, amount, context
        case assetCode = "asset_code", significantDecimals = "significant_decimals", fundingMethod = "funding_method"
    }
}

/// The `fee` hook's response: the total fee and, optionally, its parts.
public struct FeeResponse: Codable, Sendable, Equatable {
    /// A decimal string in the asset's units.
    public var fee: String
    public var details: [FeeDetail]?

    public init(fee: String, details: [FeeDetail]? = nil) {
        self.fee = fee
        self.details = details
    }
}

/// One part of a fee, as in SEP-6/24/31 `fee_details`.
public struct FeeDetail: Codable, Sendable, Equatable {
    public var name: String
    public var description: String?
    /// A decimal string.
    public var amount: String

    public init(name: String, description: String? = nil, amount: String) {
        self.name = name
        self.description = description
        self.amount = amount
    }
}
