import ArgumentParser
import CapstanApp
import Foundation

/// `capstan init`: a config with fresh keys, a database and the demo asset.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write DIR/capstan.yaml with fresh keys (SEP-10 signing key, JWT secret, SRT issuer and distribution) and prepare its database."
    )

    @Option(help: "Directory for capstan.yaml and its database.") var dir: String
    @Option(help: "testnet, public or devnet.") var network = "testnet"
    @Option(help: "HOST[:PORT] wallets use to reach the anchor.") var homeDomain = "localhost:8000"
    @Option(help: "Plugin directory to record in the config.") var pluginsDir = "plugins.d"

    func run() async throws {
        let file = try await CapstanCommandSupport.failing {
            try await InitialSetup.run(
                .init(directory: self.dir, network: self.network, homeDomain: self.homeDomain, pluginsDirectory: self.pluginsDir),
                logger: CapstanCommandSupport.plainLogger()
            )
        }
        print("wrote \(file) (mode 0600; it holds secret keys)")
    }
}
