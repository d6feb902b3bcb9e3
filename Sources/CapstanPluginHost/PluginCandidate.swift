import CCapstanPlugin

/// A plugin whose file and descriptor passed every check that needs no plugin code but the entry
/// function; not yet initialised.
///
/// `@unchecked Sendable`: immutable, and its pointers point into an image that is never unloaded.
struct PluginCandidate: @unchecked Sendable {
    typealias InitFunction = @convention(c) (
        UnsafePointer<capstan_host_api>?, UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UnsafeMutableRawPointer?>?
    ) -> Int32

    let path: String
    let sha256: String
    let name: String
    let version: String
    let abiMajor: Int
    let abiMinor: Int
    let serial: Bool
    let hooks: [PluginHook: capstan_hook_fn]
    let initFunction: InitFunction?
    let shutdownFunction: LoadedPlugin.ShutdownFunction?

    var implementedHooks: [PluginHook] { PluginHook.allCases.filter { self.hooks[$0] != nil } }

    var info: PluginInfo {
        PluginInfo(
            file: self.path, sha256: self.sha256, name: self.name, version: self.version,
            abiMajor: self.abiMajor, abiMinor: self.abiMinor, hooks: self.implementedHooks, serial: self.serial)
    }
}
