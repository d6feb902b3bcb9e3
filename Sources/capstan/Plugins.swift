import ArgumentParser
import CapstanApp

/// `capstan plugins`: inspect the plugin set.
struct Plugins: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plugins", abstract: "Inspect plugins.", subcommands: [List.self])

    /// `capstan plugins list`: every plugin with its file, version, ABI and hooks, and every refusal.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List plugins: file, name, version, ABI and the hooks each implements.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            let config = try await CapstanCommandSupport.loadConfig(self.options.config)
            print(try await CapstanCommandSupport.failing { try await PluginAdmin.list(config, logger: CapstanCommandSupport.plainLogger()) })
        }
    }
}
