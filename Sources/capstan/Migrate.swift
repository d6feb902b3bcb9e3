import ArgumentParser
import CapstanApp

/// `capstan migrate`: applies pending database migrations.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations (serve also does this at start-up).")

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try await CapstanCommandSupport.loadConfig(self.options.config)
        let applied = try await CapstanCommandSupport.failing { try await Maintenance.migrate(config, logger: CapstanCommandSupport.plainLogger()) }
        print(applied.isEmpty ? "database is up to date" : "applied \(applied.joined(separator: ", "))")
    }
}
