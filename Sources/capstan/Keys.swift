import ArgumentParser
import CapstanApp

/// `capstan keys`: key utilities.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Key utilities.", subcommands: [Generate.self])

    /// `capstan keys generate`: prints a fresh ed25519 keypair.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate", abstract: "Print a fresh Stellar keypair (public G… and secret S…).")

        func run() {
            let pair = Maintenance.generateKeyPair()
            print("public: \(pair.publicKey)")
            print("secret: \(pair.secretSeed)")
        }
    }
}
