/// The anchor's customer records: the plugin hooks `customer_get`, `customer_put`, `customer_delete`,
/// `customer_callback` and `customer_verification` (see `capstan_plugin.h`). Customer data belongs to the plugin;
/// the host only checks identity, validates SEP-9 input and keeps uploaded files.
///
/// Every method answers nil when nothing implements the hook (the host answers 501).
public protocol SEP12Hooks: Sendable {
    func get(_ request: CustomerGetRequest) async throws(CustomerHookError) -> CustomerReply?
    func put(_ request: CustomerPutRequest) async throws(CustomerHookError) -> CustomerPutReply?
    func delete(_ request: CustomerDeleteRequest) async throws(CustomerHookError) -> Bool?
    func callback(_ request: CustomerCallbackRequest) async throws(CustomerHookError) -> Bool?
    func verification(_ request: CustomerVerificationRequest) async throws(CustomerHookError) -> CustomerReply?
}

/// Why a customer hook did not answer: the anchor's refusal (400), an unknown record (404), or a failure (500).
public enum CustomerHookError: Error, Sendable, Equatable {
    case invalid(String)
    case notFound
    case failed
}
