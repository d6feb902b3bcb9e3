/// What `capstan plugins list` and `/health` show about one loaded plugin.
public struct PluginInfo: Sendable, Equatable, Codable {
    /// The original file the plugin was loaded from.
    public let file: String
    /// The lowercase hex SHA-256 of the file, which also names its runtime copy.
    public let sha256: String
    public let name: String
    public let version: String
    public let abiMajor: Int
    public let abiMinor: Int
    /// Hooks the plugin implements (non-NULL slots), in table order; it may not own all of them.
    public let hooks: [PluginHook]
    /// Whether the plugin asked for its calls to be serialised (`CAPSTAN_PLUGIN_SERIAL`).
    public let serial: Bool

    enum CodingKeys: String, CodingKey {
        case file, sha256, name, version, hooks, serial
        case abiMajor = "abi_major", abiMinor = "abi_minor"
    }
}
