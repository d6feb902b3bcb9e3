/// A non-negative decimal amount with Stellar's seven decimal places, held as an integer count of
/// stroops, so fee arithmetic is exact.
struct FixedPointAmount: Sendable, Equatable {
    static let decimals = 7
    static let scale: Int64 = 10_000_000

    let stroops: Int64

    init(stroops: Int64) { self.stroops = stroops }

    /// Parses "12", "12.5", "0.0000001"; nil for signs, exponents, more than 7 decimals or overflow.
    init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= Self.decimals, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty,
            let units = Int64(whole), let fractionDigits = Int64(fraction + String(repeating: "0", count: Self.decimals - fraction.count))
        else { return nil }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: Self.scale)
        guard !overflow, scaled <= Int64.max - fractionDigits else { return nil }
        self.stroops = scaled + fractionDigits
    }

    /// `percent` % of this amount, truncated to a stroop (rounding happens once, at the end).
    func percentage(_ percent: FixedPointAmount) -> FixedPointAmount {
        let product = Int128(self.stroops) * Int128(percent.stroops) / (Int128(100) * Int128(Self.scale))
        return FixedPointAmount(stroops: Int64(clamping: product))
    }

    /// Rounded half up to `decimals` places.
    func rounded(toDecimals decimals: Int) -> FixedPointAmount {
        var step: Int64 = 1
        for _ in 0..<(Self.decimals - decimals) { step *= 10 }
        return FixedPointAmount(stroops: (self.stroops + step / 2) / step * step)
    }

    /// With exactly `decimals` places, or the fewest needed when nil ("1", "0.5").
    func formatted(decimals: Int? = nil) -> String {
        let whole = self.stroops / Self.scale
        var fraction = String(self.stroops % Self.scale)
        fraction = String(repeating: "0", count: Self.decimals - fraction.count) + fraction
        if let decimals {
            fraction = String(fraction.prefix(decimals))
        } else {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
