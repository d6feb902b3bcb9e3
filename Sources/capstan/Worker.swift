import ArgumentParser
import CapstanApp

/// `capstan worker NAME`: one money-moving worker, or the outbox dispatchers, alone, for operators who run them apart
/// from `serve`.
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run one background worker alone.",
        discussion: "Workers: \(WorkerWiring.commandNames.joined(separator: ", ")) (the last delivers wallet callbacks and plugin notifications, which serve --no-workers does not). Any number of copies may run against one database."
    )

    @OptionGroup var options: ConfigOption
    @Argument(help: "The worker to run.") var name: String
    @Option(help: "Seconds between passes.") var interval: Double = 5
    @Flag(help: "Run one pass and exit.") var once = false

    func validate() throws {
        guard WorkerWiring.commandNames.contains(self.name) else {
            throw ValidationError("no worker named '\(self.name)'; workers: \(WorkerWiring.commandNames.joined(separator: ", "))")
        }
        guard self.interval > 0, self.interval <= 86_400 else { throw ValidationError("--interval must be between 0 and 86400 seconds") }
    }

    func run() async throws {
        let config = try await CapstanCommandSupport.loadConfig(self.options.config)
        let logger = CapstanCommandSupport.logger(config)
        try await CapstanCommandSupport.failing {
            try await WorkerWiring.run(
                name: self.name, config: config, interval: .milliseconds(Int64(self.interval * 1000)), once: self.once, logger: logger)
        }
    }
}
