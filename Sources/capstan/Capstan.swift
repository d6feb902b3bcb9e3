import ArgumentParser
import CapstanApp

/// The `capstan` command: argument parsing only; the work lives in CapstanApp.
@main
struct Capstan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capstan",
        abstract: "A Stellar anchor runtime: every SEP endpoint, the workers, and plugins in one binary.",
        version: CapstanVersion.current,
        subcommands: [Serve.self, Worker.self, Init.self, Migrate.self, Keys.self, Assets.self, Plugins.self, Devnet.self]
    )
}

/// The `--config FILE` option shared by commands that read a configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "Path to capstan.yaml (environment variables override it).")
    var config: String
}
