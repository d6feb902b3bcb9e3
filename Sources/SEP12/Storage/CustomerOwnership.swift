import CapstanCore

/// Which owner key each customer id belongs to, kept by the host so an `id` of another `sub` is a 404 whatever the
/// plugin does (the Anchor Platform's SEP-12 IDOR, AP PR #1916, came from trusting the id alone).
struct CustomerOwnership: Sendable {
    let store: any PluginKeyValueStore
    private static let namespace = "capstan.sep12"

    func owner(of id: String) async throws -> String? {
        try await self.store.value(plugin: Self.namespace, key: "customer:\(id)").map { String(decoding: $0, as: UTF8.self) }
    }

    func record(id: String, owner: String) async throws {
        try await self.store.setValue(Array(owner.utf8), plugin: Self.namespace, key: "customer:\(id)")
    }

    func remove(id: String) async throws {
        try await self.store.removeValue(plugin: Self.namespace, key: "customer:\(id)")
    }

    /// The id last stored for an owner, so DELETE can forget the mapping too.
    func customer(of owner: String) async throws -> String? {
        try await self.store.value(plugin: Self.namespace, key: "owner:\(owner)").map { String(decoding: $0, as: UTF8.self) }
    }

    func remember(customer id: String, of owner: String) async throws {
        try await self.store.setValue(Array(id.utf8), plugin: Self.namespace, key: "owner:\(owner)")
    }

    func forget(owner: String) async throws {
        if let id = try await self.customer(of: owner) { try await self.remove(id: id) }
        try await self.store.removeValue(plugin: Self.namespace, key: "owner:\(owner)")
    }

    /// Whether `id` may be used by `owner`: unknown ids and ids of another owner are both "not found".
    func check(id: String, owner: String) async throws -> Bool {
        try await self.owner(of: id) == owner
    }
}
