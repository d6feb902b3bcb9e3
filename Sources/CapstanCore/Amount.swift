/// A money amount: a fixed-point decimal with exactly seven fractional digits, held as Int64 stroops.
///
/// Seven places and Int64 are what the Stellar ledger uses, so every on-chain amount is representable and
/// nothing is ever lost to binary floating point. Arithmetic is checked: overflow is an `AmountError`, never a trap.
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The number of fractional decimal digits an amount carries.
    public static let scale = 7
    /// Units per whole: 10^7.
    public static let unitsPerWhole: Int64 = 10_000_000
    /// The longest text either parser looks at, so hostile input is refused before any work is done.
    public static let maxTextLength = 32

    /// The value in units of 10^-7 (stroops for Stellar assets).
    public let units: Int64

    /// Zero.
    public static let zero = Amount(units: 0)
    /// The largest representable amount, 922337203685.4775807.
    public static let max = Amount(units: .max)

    public init(units: Int64) { self.units = units }

    /// Parses a non-negative money input: `digits` or `digits.digits`, at most seven fractional digits, ≤ 32 characters.
    ///
    /// This is the parser for anything a client or config sends. A sign, exponent, spaces, `+`, hex, NaN, infinity,
    /// a bare `.`, `.5` and `1.` are all refused; more than seven decimals is refused rather than rounded, because
    /// silently rounding someone's money is worse than asking again. Leading zeros (`01.5`) are accepted.
    public init?(_ text: String) {
        guard let units = Self.parseUnits(text, allowSign: false) else { return nil }
        self.units = units
    }

    /// Parses like `init(_:)` but also accepts one leading `-`, for values the system itself produced (stored balances, deltas).
    public init?(signed text: String) {
        guard let units = Self.parseUnits(text, allowSign: true) else { return nil }
        self.units = units
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.units < rhs.units }

    /// True when below zero.
    public var isNegative: Bool { self.units < 0 }

    /// True when exactly zero.
    public var isZero: Bool { self.units == 0 }

    // MARK: text

    /// Canonical text: no trailing fractional zeros and no point for whole values ("100", "10.5", "0.0000001").
    public var description: String {
        let magnitude = self.units.magnitude
        let whole = magnitude / UInt64(Self.unitsPerWhole)
        var fraction = magnitude % UInt64(Self.unitsPerWhole)
        var text = self.units < 0 ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            var digits = Self.scale
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            text += "." + Self.zeroPadded(fraction, width: digits)
        }
        return text
    }

    /// Text with exactly `decimals` fractional digits, rounded by `rule` first ("10.50" for 10.5 at 2).
    ///
    /// `decimals` below zero counts as zero; above seven pads with zeros (the value has no more precision).
    public func formatted(decimals: Int, rule: RoundingRule = .halfEven) -> String {
        let places = Swift.max(0, decimals)
        let kept = Swift.min(places, Self.scale)
        let divisor = Self.power(of: Self.scale - kept)
        let rounded = Self.divide(Int128(self.units), by: Int128(divisor), rule: rule)   // Int128: rounding up at .max cannot overflow
        let magnitude = rounded.magnitude
        let perWhole = UInt128(Self.power(of: kept))
        var text = rounded < 0 ? "-" : ""
        text += String(magnitude / perWhole)
        if places > 0 {
            text += "."
            if kept > 0 { text += Self.zeroPadded(UInt64(magnitude % perWhole), width: kept) }
            text += String(repeating: "0", count: places - kept)
        }
        return text
    }

    // MARK: rounding

    /// The amount rounded to `toDecimals` fractional digits (0...7) under `rule`.
    ///
    /// Never traps: in the one case where the rounded value would not fit (within one step of `Amount.max`
    /// or its negative), the value is rounded toward zero instead, which always fits.
    public func rounded(toDecimals decimals: Int, rule: RoundingRule = .halfEven) -> Amount {
        let kept = Swift.min(Swift.max(0, decimals), Self.scale)
        let divisor = Int128(Self.power(of: Self.scale - kept))
        let quotient = Self.divide(Int128(self.units), by: divisor, rule: rule)
        guard let units = Int64(exactly: quotient * divisor) else {
            return Amount(units: Int64(Self.divide(Int128(self.units), by: divisor, rule: .down) * divisor))
        }
        return Amount(units: units)
    }

    // MARK: arithmetic

    /// `self + other`, or `AmountError.overflow`.
    public func adding(_ other: Amount) throws(AmountError) -> Amount {
        let (sum, overflow) = self.units.addingReportingOverflow(other.units)
        if overflow { throw .overflow }
        return Amount(units: sum)
    }

    /// `self - other`, or `AmountError.overflow`.
    public func subtracting(_ other: Amount) throws(AmountError) -> Amount {
        let (difference, overflow) = self.units.subtractingReportingOverflow(other.units)
        if overflow { throw .overflow }
        return Amount(units: difference)
    }

    /// `self × count` for whole multiples (e.g. a fixed fee per item), or `AmountError.overflow`.
    public func multiplied(by count: Int64) throws(AmountError) -> Amount {
        let (product, overflow) = self.units.multipliedReportingOverflow(by: count)
        if overflow { throw .overflow }
        return Amount(units: product)
    }

    /// `-self`, or `AmountError.overflow` for the one value with no negation.
    public func negated() throws(AmountError) -> Amount {
        guard self.units != .min else { throw .overflow }
        return Amount(units: -self.units)
    }

    /// `self × rate / 100`: a percentage fee. Exact in Int128, then rounded half-even to seven places.
    ///
    /// The caller rounds further to the asset's significant decimals; doing that here would round twice.
    public func percent(_ rate: Amount) throws(AmountError) -> Amount {
        // units(self) × units(rate) carries 10^14; dividing by 100 × 10^7 leaves 10^7, i.e. units.
        let product = Int128(self.units) * Int128(rate.units)
        let units = Self.divide(product, by: 100 * Int128(Self.unitsPerWhole), rule: .halfEven)
        guard let exact = Int64(exactly: units) else { throw .overflow }
        return Amount(units: exact)
    }

    // MARK: Codable

    /// Decodes from a JSON string through the non-negative money parser: a number or a signed string is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let units = Self.parseUnits(text, allowSign: false) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "not a valid amount: expected a non-negative decimal string with at most 7 decimals"
            )
        }
        self.units = units
    }

    /// Encodes as the canonical decimal string, so JSON readers never see a binary float.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }

    // MARK: internals

    private static func parseUnits(_ text: String, allowSign: Bool) -> Int64? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= Self.maxTextLength else { return nil }
        var index = bytes.startIndex
        var negative = false
        if allowSign, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index = bytes.index(after: index)
        }
        // Accumulate the magnitude as a negative number so that Int64.min ("-922337203685.4775808") parses.
        var accumulated: Int64 = 0
        var wholeDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, wholeDigits > 0 else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            if seenPoint {
                fractionDigits += 1
                guard fractionDigits <= Self.scale else { return nil }
            } else {
                wholeDigits += 1
            }
            let (shifted, o1) = accumulated.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            accumulated = next
        }
        guard wholeDigits > 0, !(seenPoint && fractionDigits == 0) else { return nil }
        let (scaled, overflow) = accumulated.multipliedReportingOverflow(by: Self.power(of: Self.scale - fractionDigits))
        guard !overflow else { return nil }
        if negative { return scaled }
        guard scaled != .min else { return nil }
        return -scaled
    }

    /// 10^exponent for 0...18.
    static func power(of exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    private static func zeroPadded(_ value: UInt64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// `value / divisor` (divisor > 0) rounded by `rule`, in Int128 so no intermediate can overflow.
    static func divide(_ value: Int128, by divisor: Int128, rule: RoundingRule) -> Int128 {
        let quotient = value / divisor            // truncates toward zero
        let remainder = value % divisor           // has the sign of value
        if remainder == 0 { return quotient }
        let awayFromZero: Int128 = value < 0 ? quotient - 1 : quotient + 1
        let twiceRemainder = remainder.magnitude * 2
        let divisorMagnitude = divisor.magnitude
        switch rule {
        case .down:
            return quotient
        case .up:
            return awayFromZero
        case .halfUp:
            return twiceRemainder >= divisorMagnitude ? awayFromZero : quotient
        case .halfEven:
            if twiceRemainder > divisorMagnitude { return awayFromZero }
            if twiceRemainder < divisorMagnitude { return quotient }
            return quotient.isMultiple(of: 2) ? quotient : awayFromZero
        }
    }
}

/// How `Amount` drops digits. The names follow `java.math.RoundingMode`, which anchors' accountants already know.
public enum RoundingRule: String, Sendable, Codable, CaseIterable {
    /// To the nearest; a tie goes to the even neighbour (banker's rounding). The default: unbiased over many fees.
    case halfEven
    /// To the nearest; a tie goes away from zero (school rounding).
    case halfUp
    /// Toward zero (truncation).
    case down
    /// Away from zero: any dropped digit bumps the last kept one.
    case up
}

/// Why an `Amount` operation has no result.
public enum AmountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The result does not fit in Int64 units (beyond ±922337203685.4775807).
    case overflow

    public var description: String {
        switch self {
        case .overflow: "amount overflow: the result is beyond ±922337203685.4775807"
        }
    }
}
