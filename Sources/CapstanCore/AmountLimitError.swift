/// An amount outside an asset's limits for one operation; the message names the limit, ready for a wallet.
public struct AmountLimitError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case notPositive
        case belowMinimum(Amount)
        case aboveMaximum(Amount)
    }

    private let code: Code
    public let assetCode: String
    public let operation: FeeOperation
    public let amount: Amount

    private init(_ code: Code, assetCode: String, operation: FeeOperation, amount: Amount) {
        self.code = code
        self.assetCode = assetCode
        self.operation = operation
        self.amount = amount
    }

    static func notPositive(assetCode: String, operation: FeeOperation, amount: Amount) -> Self {
        .init(.notPositive, assetCode: assetCode, operation: operation, amount: amount)
    }

    static func belowMinimum(_ minimum: Amount, assetCode: String, operation: FeeOperation, amount: Amount) -> Self {
        .init(.belowMinimum(minimum), assetCode: assetCode, operation: operation, amount: amount)
    }

    static func aboveMaximum(_ maximum: Amount, assetCode: String, operation: FeeOperation, amount: Amount) -> Self {
        .init(.aboveMaximum(maximum), assetCode: assetCode, operation: operation, amount: amount)
    }

    /// The SEP `/info` name of the limit broken (`min_amount`, `max_amount`), or nil for a non-positive amount.
    public var limitName: String? {
        switch self.code {
        case .notPositive: nil
        case .belowMinimum: "min_amount"
        case .aboveMaximum: "max_amount"
        }
    }

    /// The SEP status for a transaction whose amount broke the limit (`too_small`, `too_large`).
    public var status: TransactionStatus {
        switch self.code {
        case .notPositive, .belowMinimum: .tooSmall
        case .aboveMaximum: .tooLarge
        }
    }

    public var description: String {
        switch self.code {
        case .notPositive:
            "amount must be greater than zero"
        case .belowMinimum(let minimum):
            "amount \(self.amount) is below the minimum \(self.operation.rawValue) amount (min_amount) of \(minimum) \(self.assetCode)"
        case .aboveMaximum(let maximum):
            "amount \(self.amount) is above the maximum \(self.operation.rawValue) amount (max_amount) of \(maximum) \(self.assetCode)"
        }
    }
}
