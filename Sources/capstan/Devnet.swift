import ArgumentParser
import CapstanApp
import CapstanDevnet
import Foundation
import Hummingbird
import Logging

/// `capstan devnet`: an offline standalone ledger answering the part of Horizon's API the anchor and wallets use.
struct Devnet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devnet",
        abstract: "Run an offline standalone Stellar ledger with a Horizon-compatible API and friendbot.",
        discussion: """
            The network passphrase is "Standalone Network ; February 2017"; the root account's seed is SHA-256 of it. \
            Submissions answer once their ledger has closed. With --ledger-interval-ms 0 every accepted submission \
            closes a ledger at once.
            """
    )

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free one.") var port = 8000
    @Option(name: .customLong("ledger-interval-ms"), help: "Milliseconds between ledger closes; 0 closes one per submission.")
    var ledgerIntervalMilliseconds = 1000
    @Option(help: "JSON file the ledger is kept in across restarts (written after every ledger with transactions).")
    var state: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.") var logLevel = "notice"

    func validate() throws {
        guard (0...65535).contains(self.port) else { throw ValidationError("--port must be 0...65535") }
        guard self.ledgerIntervalMilliseconds >= 0 else { throw ValidationError("--ledger-interval-ms must not be negative") }
        guard Logger.Level(rawValue: self.logLevel) != nil else { throw ValidationError("unknown --log-level \(self.logLevel)") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: self.logLevel) ?? .notice
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, level: level) }
        var logger = Logger(label: "capstan.devnet")
        logger.logLevel = level
        let configuration = DevnetConfiguration(
            host: self.host, port: self.port, ledgerInterval: .milliseconds(self.ledgerIntervalMilliseconds), stateFile: self.state
        )
        let app = try await CapstanCommandSupport.failing {
            try DevnetServer.build(configuration: configuration, logger: logger) { address in
                // One line on stdout that scripts and tests wait for; logs go to stderr.
                FileHandle.standardOutput.write(Data("devnet listening on \(address)\n".utf8))
            }
        }
        try await app.runService()
    }
}
