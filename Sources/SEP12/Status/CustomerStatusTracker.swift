import CapstanCore
import Logging

/// Remembers each customer's last status in the host's key-value store and reports changes to the sink, whichever
/// way the host learned of them: a `GET /customer` answer, the answer after a `PUT`, or the plugin's
/// `customer.status_changed` call. Reporting only changes keeps a polling wallet from triggering a callback per GET.
struct CustomerStatusTracker: Sendable {
    let store: any PluginKeyValueStore
    let sink: (any CustomerStatusSink)?
    let logger: Logger
    private static let namespace = "capstan.sep12"

    init(store: any PluginKeyValueStore, sink: (any CustomerStatusSink)?, logger: Logger) {
        self.store = store
        self.sink = sink
        self.logger = logger
    }

    /// Records `reply.status` for `id`, and reports it to the sink when it differs from the last one recorded.
    func observe(_ reply: CustomerReply, id: String, owner: String) async throws {
        let key = "status:\(id)"
        let previous = try await self.store.value(plugin: Self.namespace, key: key)
            .flatMap { CustomerReply.Status(rawValue: String(decoding: $0, as: UTF8.self)) }
        guard previous != reply.status else { return }
        if let sink = self.sink {
            let url = try await self.store.value(plugin: Self.namespace, key: "callback:\(owner)").map { String(decoding: $0, as: UTF8.self) }
            var body = reply
            body.id = id
            try await sink.customerStatusChanged(CustomerStatusChange(customerID: id, owner: owner, previous: previous, reply: body, callbackURL: url))
        }
        // Recorded after the effects, so a failure in between repeats them on the next observation rather than losing
        // them: callbacks are at least once, and moving a transaction twice is refused by its version.
        try await self.store.setValue(Array(reply.status.rawValue.utf8), plugin: Self.namespace, key: key)
    }

    /// Forgets the status of a deleted customer, so a new record under the same id starts fresh.
    func forget(id: String) async throws {
        try await self.store.removeValue(plugin: Self.namespace, key: "status:\(id)")
    }
}
