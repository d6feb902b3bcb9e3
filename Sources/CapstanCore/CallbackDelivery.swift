#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One wallet callback in the outbox: where it goes, what it says, and how its delivery is going.
public struct CallbackDelivery: Sendable, Equatable {
    /// Outbox row id; increases with enqueue order, which is the delivery order per transaction and URL.
    public var id: Int64
    public var transactionID: String
    /// The wallet's URL (`on_change_callback`, SEP-24 `callback`, or the SEP-31 callback).
    public var url: String
    /// The exact body to POST, rendered when the status changed.
    public var body: String
    public var createdAt: Date
    /// Attempts made so far.
    public var attempts: Int
    /// Not to be tried before this moment.
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    /// Why the last attempt failed (status code or network error); never the body.
    public var lastError: String?
    /// True once the dispatcher stopped trying.
    public var gaveUp: Bool

    public init(
        id: Int64, transactionID: String, url: String, body: String, createdAt: Date, attempts: Int = 0,
        nextAttemptAt: Date, deliveredAt: Date? = nil, lastError: String? = nil, gaveUp: Bool = false
    ) {
        self.id = id
        self.transactionID = transactionID
        self.url = url
        self.body = body
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
        self.gaveUp = gaveUp
    }
}
