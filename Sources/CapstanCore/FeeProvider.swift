/// A source of fees more complex than an asset's `fee_fixed` and `fee_percent` (the plugins' `fee` hook).
public protocol FeeProvider: Sendable {
    /// The fee for `request`, or nil when the provider has none for it and the asset table applies.
    func fee(_ request: FeeRequest) async throws -> FeeQuote?
}
