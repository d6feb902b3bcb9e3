import StellarKit

/// What path payments convert at. The devnet has no order book: a path payment between different assets
/// converts at a fixed rate from this table (1:1 for any pair not listed), and the difference is created or
/// destroyed by the ledger itself. Intermediate `path` assets are recorded but not traded through.
public struct PathConversion: Sendable {
    /// How many units of the destination asset one unit of the source asset buys, as a fraction.
    public struct Rate: Sendable, Hashable {
        public var numerator: Int64
        public var denominator: Int64

        /// `numerator / denominator` destination units per source unit; both must be positive.
        public init(numerator: Int64, denominator: Int64) {
            precondition(numerator > 0 && denominator > 0, "a conversion rate must be positive")
            self.numerator = numerator
            self.denominator = denominator
        }

        /// One for one.
        public static let parity = Rate(numerator: 1, denominator: 1)
    }

    private var rates: [String: Rate] = [:]

    /// A table where every pair converts 1:1.
    public init() {}

    /// Sets the rate from `source` to `destination` (and the inverse rate the other way).
    public mutating func set(_ rate: Rate, from source: Asset, to destination: Asset) {
        self.rates[Self.key(source, destination)] = rate
        self.rates[Self.key(destination, source)] = Rate(numerator: rate.denominator, denominator: rate.numerator)
    }

    /// The rate from `source` to `destination`: parity for the same asset or an unlisted pair.
    public func rate(from source: Asset, to destination: Asset) -> Rate {
        source == destination ? .parity : self.rates[Self.key(source, destination)] ?? .parity
    }

    /// What `amount` of `source` delivers in `destination`, rounded down (the network never over-delivers);
    /// nil when the result does not fit in an int64.
    func deliver(_ amount: Int64, from source: Asset, to destination: Asset) -> Int64? {
        let rate = self.rate(from: source, to: destination)
        return Self.scale(amount, by: rate.numerator, over: rate.denominator, roundingUp: false)
    }

    /// What it costs in `source` to deliver `amount` of `destination`, rounded up (the sender pays for rounding).
    func cost(_ amount: Int64, of destination: Asset, from source: Asset) -> Int64? {
        let rate = self.rate(from: source, to: destination)
        return Self.scale(amount, by: rate.denominator, over: rate.numerator, roundingUp: true)
    }

    /// `value × numerator / denominator` in 128-bit arithmetic.
    private static func scale(_ value: Int64, by numerator: Int64, over denominator: Int64, roundingUp: Bool) -> Int64? {
        guard value >= 0 else { return nil }
        let product = value.multipliedFullWidth(by: numerator)
        // The quotient fits in an int64 exactly when the product is below denominator × 2^63.
        guard (UInt64(product.high) << 1) | (product.low >> 63) < UInt64(denominator) else { return nil }
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        return roundingUp && remainder > 0 ? (quotient == .max ? nil : quotient + 1) : quotient
    }

    private static func key(_ source: Asset, _ destination: Asset) -> String {
        AssetText.canonical(source) + ">" + AssetText.canonical(destination)
    }
}
