/// Amounts as Horizon prints them: int64 stroops shown with exactly seven decimal places.
enum Stroops {
    /// Stroops in one unit of any asset.
    static let perUnit: Int64 = 10_000_000

    /// `12.5 XLM` is `"12.5000000"`; `Int64.max` is `"922337203685.4775807"`.
    static func format(_ value: Int64) -> String {
        let magnitude = value.magnitude
        let fraction = String(magnitude % UInt64(perUnit))
        let padding = String(repeating: "0", count: 7 - fraction.count)
        return (value < 0 ? "-" : "") + "\(magnitude / UInt64(perUnit)).\(padding)\(fraction)"
    }
}
