import CapstanCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Looks up SEP-38 firm quotes for `deposit-exchange` and `withdraw-exchange` (`quote_id`).
public protocol SEP6QuoteResolver: Sendable {
    /// The firm quote `id` if it was issued to `owner` (the full SEP-10 `sub`), else nil.
    func quote(id: String, owner: String) async throws -> SEP6Quote?
}

/// A firm quote as SEP-6 checks a request against it (SEP-38 `GET /quote/:id`).
public struct SEP6Quote: Sendable, Equatable {
    public var id: String
    /// SEP-38 asset ids (`iso4217:BRL`, `stellar:USDC:G…`).
    public var sellAsset: String
    public var sellAmount: Amount
    public var buyAsset: String
    public var buyAmount: Amount
    public var fee: Transaction.FeeDetails
    public var expiresAt: Date

    public init(id: String, sellAsset: String, sellAmount: Amount, buyAsset: String, buyAmount: Amount, fee: Transaction.FeeDetails, expiresAt: Date) {
        self.id = id
        self.sellAsset = sellAsset
        self.sellAmount = sellAmount
        self.buyAsset = buyAsset
        self.buyAmount = buyAmount
        self.fee = fee
        self.expiresAt = expiresAt
    }
}

/// No SEP-38 server: no `quote_id` resolves, so an exchange with one is refused with 400.
public struct NoSEP6Quotes: SEP6QuoteResolver {
    public init() {}
    public func quote(id: String, owner: String) async throws -> SEP6Quote? { nil }
}
