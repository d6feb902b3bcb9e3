/// Why no fee could be worked out for an amount.
public struct FeeError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case exceedsAmount(fee: Amount, amount: Amount)
        case negative(Amount)
        case overflow
        case provider(String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// The fee is larger than the amount, so nothing would be left to send (`amount_out` would be negative).
    public static func exceedsAmount(fee: Amount, amount: Amount) -> Self { .init(.exceedsAmount(fee: fee, amount: amount)) }
    /// The provider answered a negative fee.
    public static func negative(_ fee: Amount) -> Self { .init(.negative(fee)) }
    /// The amounts are beyond what `Amount` holds.
    public static let overflow = Self(.overflow)
    /// The fee provider failed; `reason` is its error's description (plugin errors carry no PII there).
    public static func provider(_ reason: String) -> Self { .init(.provider(reason)) }

    /// True when the fee exceeds the amount: a client error (400), where the other cases are the anchor's (500).
    public var isFeeExceedingAmount: Bool {
        if case .exceedsAmount = self.code { return true }
        return false
    }

    public var description: String {
        switch self.code {
        case .exceedsAmount(let fee, let amount): "the fee \(fee) is more than the amount \(amount)"
        case .negative(let fee): "the fee provider answered a negative fee: \(fee)"
        case .overflow: "the fee is beyond the largest representable amount"
        case .provider(let reason): "the fee provider failed: \(reason)"
        }
    }
}
