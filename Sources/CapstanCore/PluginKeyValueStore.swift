/// Durable key-value storage that the host lends to each plugin, namespaced by plugin name.
///
/// Plugins keep small state here (customer records in the reference plugin, cursors, tokens) so
/// that they need no database of their own. Each call is its own database transaction.
public protocol PluginKeyValueStore: Sendable {
    /// The stored value, or `nil` when the key was never written or was removed.
    func value(plugin: String, key: String) async throws -> [UInt8]?
    /// Writes `value`, replacing any previous one.
    func setValue(_ value: [UInt8], plugin: String, key: String) async throws
    /// Removes the key; removing a missing key is not an error.
    func removeValue(plugin: String, key: String) async throws
}

/// A process-local `PluginKeyValueStore` for tests and tools that run without a database.
public actor InMemoryPluginKeyValueStore: PluginKeyValueStore {
    private var values: [String: [String: [UInt8]]] = [:]

    public init() {}

    public func value(plugin: String, key: String) -> [UInt8]? { self.values[plugin]?[key] }

    public func setValue(_ value: [UInt8], plugin: String, key: String) { self.values[plugin, default: [:]][key] = value }

    public func removeValue(plugin: String, key: String) { self.values[plugin]?[key] = nil }
}
