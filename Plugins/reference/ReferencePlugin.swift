import CapstanPluginKit

/// The reference anchor's plugin: stellar.toml contents and fees for the SRT demo asset.
let plugin = CapstanPlugin(name: "reference", version: "1.0.0") { hooks in
    hooks.toml { (request: TOMLRequest, _) in ReferenceTOML.response(for: request) }
    hooks.fee { (request: FeeRequest, _) in try ReferenceFees.standard.fee(for: request) }
}

/// The one symbol the host looks up.
@_cdecl("capstan_plugin_entry")
public func capstanPluginEntry() -> UnsafeRawPointer? { plugin.entry() }
