import ArgumentParser
import CapstanApp
import Foundation
import Hummingbird
import Logging

/// `capstan serve`: HTTP and, unless told otherwise, every worker.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve every enabled SEP endpoint (and run the workers).")

    @OptionGroup var options: ConfigOption
    @Option(help: "Address to bind (overrides http.host).") var host: String?
    @Option(help: "Port to bind; 0 picks a free one (overrides http.port).") var port: Int?
    @Flag(help: "Serve HTTP only; run no background workers.") var noWorkers = false

    func run() async throws {
        var config = try await CapstanCommandSupport.loadConfig(self.options.config)
        if let host { config.http.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
            config.http.port = port
        }
        let logger = CapstanCommandSupport.logger(config)
        let app = try await CapstanCommandSupport.failing { try await CapstanServer.build(config: config, logger: logger, workers: !self.noWorkers) { address in
            // One line on stdout that scripts and tests wait for; logs go to stderr.
            FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
        } }
        try await app.runService()
    }
}
