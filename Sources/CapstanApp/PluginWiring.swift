import CapstanCore
import CapstanPluginHost
import Logging
import ServiceLifecycle

/// Plugins refused at start-up: the server does not start without the integrations it was configured with.
public struct PluginRefusals: Error, Sendable, CustomStringConvertible {
    public let lines: [String]
    public var description: String { self.lines.joined(separator: "\ncapstan: ") }
}

/// Loads the configured plugins against the host's key-value store.
enum PluginWiring {
    static func load(_ config: CapstanConfig, keyValues: any PluginKeyValueStore, logger: Logger) async -> PluginHost {
        let sections = config.plugins.sections
        return await PluginHost.load(
            PluginHostConfiguration(
                directory: config.plugins.directory,
                paths: config.plugins.paths,
                runtimeDirectory: config.plugins.runtimeDirectory,
                order: config.plugins.order,
                deadline: .milliseconds(config.plugins.hookTimeoutMilliseconds)
            ),
            keyValueStore: keyValues,
            pluginConfiguration: { name in sections[name] ?? Array("{}".utf8) },
            logger: logger
        )
    }
}

/// Calls every plugin's `shutdown` when the service group stops, after the HTTP server has drained.
struct PluginHostService: Service {
    let host: PluginHost

    func run() async throws {
        try? await gracefulShutdown()
        await self.host.shutdown()
    }
}

/// `capstan plugins list`.
public enum PluginAdmin {
    public static func list(_ config: CapstanConfig, logger: Logger) async throws -> String {
        try await Maintenance.withStore(config, logger: logger, migrating: true) { store in
            let host = await PluginWiring.load(config, keyValues: store.pluginKeyValues, logger: logger)
            var lines: [String] = []
            for plugin in host.plugins {
                lines.append("\(plugin.name) \(plugin.version)  ABI \(plugin.abiMajor).\(plugin.abiMinor)\(plugin.serial ? " serial" : "")  \(plugin.file)")
                let owned = plugin.hooks.filter { host.owner(of: $0)?.file == plugin.file }
                lines.append("  hooks: \(plugin.hooks.map { hook in owned.contains(hook) ? hook.rawValue : "\(hook.rawValue) (shadowed)" }.joined(separator: ", "))")
            }
            if lines.isEmpty { lines.append("no plugins in \(config.plugins.directory)") }
            for refusal in host.refusals { lines.append("REFUSED \(refusal.description)") }
            await host.shutdown()
            return lines.joined(separator: "\n")
        }
    }
}
