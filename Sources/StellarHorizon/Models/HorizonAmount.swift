/// An amount as Horizon prints it (`"10.0000000"`): validated on decoding and held as Int64 stroops, never a Double.
///
/// `description` is the seven-decimal form, which CapstanCore's `Amount(_:)` parses unchanged.
public struct HorizonAmount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Units per whole: Stellar amounts carry seven decimals.
    public static let stroopsPerUnit: Int64 = 10_000_000
    /// Longer text is refused before any work is done.
    static let maximumTextLength = 32

    /// The value in stroops (10^-7).
    public let stroops: Int64

    public init(stroops: Int64) {
        self.stroops = stroops
    }

    /// Parses `digits` or `digits.digits` with at most seven decimals; a sign, exponent or overflow is refused.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumTextLength else { return nil }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty, whole.utf8.allSatisfy(Self.isDigit), fraction.utf8.count <= 7, fraction.utf8.allSatisfy(Self.isDigit),
            parts.count == 1 || !fraction.isEmpty
        else { return nil }
        var units: Int64 = 0
        for digit in whole.utf8 {
            let (shifted, overflowA) = units.multipliedReportingOverflow(by: 10)
            let (added, overflowB) = shifted.addingReportingOverflow(Int64(digit - 48))
            guard !overflowA, !overflowB else { return nil }
            units = added
        }
        var fractionUnits: Int64 = 0
        for digit in fraction.utf8 { fractionUnits = fractionUnits * 10 + Int64(digit - 48) }
        for _ in fraction.utf8.count..<7 { fractionUnits *= 10 }
        let (scaled, overflowC) = units.multipliedReportingOverflow(by: Self.stroopsPerUnit)
        let (total, overflowD) = scaled.addingReportingOverflow(fractionUnits)
        guard !overflowC, !overflowD else { return nil }
        self.stroops = total
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    public var description: String {
        let magnitude = self.stroops.magnitude
        let fraction = String(magnitude % UInt64(Self.stroopsPerUnit))
        let sign = self.stroops < 0 ? "-" : ""
        return "\(sign)\(magnitude / UInt64(Self.stroopsPerUnit))." + String(repeating: "0", count: 7 - fraction.count) + fraction
    }

    public static func < (lhs: HorizonAmount, rhs: HorizonAmount) -> Bool { lhs.stroops < rhs.stroops }
}

extension HorizonAmount: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let amount = HorizonAmount(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a seven-decimal amount")
        }
        self = amount
    }
}
