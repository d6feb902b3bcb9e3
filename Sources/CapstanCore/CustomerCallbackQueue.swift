#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The durable queue of SEP-12 customer status callbacks; a `CallbackDispatcher` over the same rows signs and
/// delivers them, with the retries and ordering transaction callbacks get.
public protocol CustomerCallbackQueue: Sendable {
    /// Queues one POST of `body` to `url` about customer `customerID`, due at `now`.
    func enqueue(customerID: String, url: String, body: String, now: Date) async throws
}
