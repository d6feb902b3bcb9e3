#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Filters and paging of a wallet's transaction list (SEP-6/24 `GET /transactions`); `nil` filters match everything.
public struct TransactionQuery: Sendable, Equatable {
    /// Only this asset (`asset_code`).
    public var assetCode: String?
    /// Only these kinds (`kind`).
    public var kinds: [TransactionKind]?
    /// Only transactions created through these SEPs, so SEP-24 never lists SEP-6 rows and vice versa.
    public var protocols: [TransactionProtocol]?
    /// Only transactions started on or after this moment (`no_older_than`).
    public var noOlderThan: Date?
    /// At most this many; zero or less gives an empty list. Endpoints clamp it to their own maximum first.
    public var limit: Int
    /// Only transactions strictly older than this one (`paging_id`, exclusive) in the list's order; an id the
    /// owner does not have gives an empty list.
    public var pagingID: String?

    public init(
        assetCode: String? = nil,
        kinds: [TransactionKind]? = nil,
        protocols: [TransactionProtocol]? = nil,
        noOlderThan: Date? = nil,
        limit: Int,
        pagingID: String? = nil
    ) {
        self.assetCode = assetCode
        self.kinds = kinds
        self.protocols = protocols
        self.noOlderThan = noOlderThan
        self.limit = limit
        self.pagingID = pagingID
    }
}
