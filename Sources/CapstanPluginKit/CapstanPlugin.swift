import CCapstanPlugin
import Synchronization

/// A plugin written in Swift: its name, version and handlers, and the static C descriptor the
/// host reads through `capstan_plugin_entry`.
///
/// ```swift
/// let plugin = CapstanPlugin(name: "acme", version: "1.0.0") { hooks in
///     hooks.toml { (request: TOMLRequest, host) in TOMLResponse(documentation: ["ORG_NAME": "Acme"]) }
/// }
/// @_cdecl("capstan_plugin_entry") public func capstanPluginEntry() -> UnsafeRawPointer? { plugin.entry() }
/// ```
///
/// `@unchecked Sendable`: the descriptor memory is written once in `init` and only read after,
/// by the host, for the life of the process; everything else is immutable.
public final class CapstanPlugin: @unchecked Sendable {
    public let name: String
    public let version: String
    let hooks: PluginHooks
    private let descriptor: UnsafeMutablePointer<capstan_plugin>

    /// - Parameter serial: ask the host to run at most one call at a time (`CAPSTAN_PLUGIN_SERIAL`).
    public init(name: String, version: String, serial: Bool = false, _ register: (inout PluginHooks) -> Void) {
        var hooks = PluginHooks()
        register(&hooks)
        self.name = name
        self.version = version
        self.hooks = hooks

        // Static for the life of the process, as the header requires: never freed.
        let table = UnsafeMutablePointer<capstan_hooks>.allocate(capacity: 1)
        table.initialize(to: capstan_hooks())
        table.pointee.struct_size = UInt32(MemoryLayout<capstan_hooks>.size)
        for hook in PluginHook.allCases where hooks.handlers[hook] != nil {
            table.pointee[keyPath: hook.slot] = hook.trampoline
        }
        var descriptor = capstan_plugin()
        descriptor.magic = CAPSTAN_PLUGIN_MAGIC
        descriptor.struct_size = UInt32(MemoryLayout<capstan_plugin>.size)
        descriptor.abi_major = UInt16(CAPSTAN_PLUGIN_ABI_MAJOR)
        descriptor.abi_minor = UInt16(CAPSTAN_PLUGIN_ABI_MINOR)
        descriptor.flags = serial ? CAPSTAN_PLUGIN_SERIAL : 0
        descriptor.name = UnsafePointer(permanentCString(name))
        descriptor.version = UnsafePointer(permanentCString(version))
        descriptor.`init` = { api, config, length, instanceOut in HookDispatch.initialize(api, config, length, instanceOut) }
        descriptor.shutdown = { instance in HookDispatch.shutdown(instance) }
        descriptor.hooks = UnsafePointer(table)
        self.descriptor = .allocate(capacity: 1)
        self.descriptor.initialize(to: descriptor)
    }

    /// The descriptor for `capstan_plugin_entry`; also makes this the image's plugin, which the
    /// C `init` function (it has no other way to find it) instantiates.
    public func entry() -> UnsafeRawPointer? {
        PluginRegistry.current.withLock { $0 = self }
        return UnsafeRawPointer(self.descriptor)
    }
}

/// The image's single plugin, set by `entry()`.
enum PluginRegistry {
    static let current = Mutex<CapstanPlugin?>(nil)
}

private func permanentCString(_ string: String) -> UnsafeMutablePointer<CChar> {
    let bytes = Array(string.utf8CString)
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
    pointer.initialize(from: bytes, count: bytes.count)
    return pointer
}
