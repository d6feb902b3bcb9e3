import CapstanApp
import Foundation
import Logging

/// A throw-away anchor for tests: a temporary directory holding a config written by `capstan init`
/// logic, with its own database, so every test starts from a fresh, isolated state.
public struct TestAnchor: Sendable {
    public let directory: URL
    public let configFile: String

    /// Runs the real `init` in a new temporary directory; `extra` YAML is appended to the generated file.
    public static func make(extra: String = "", pluginsDirectory: String? = nil) async throws -> TestAnchor {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-test-\(UUID().uuidString)")
        let plugins = pluginsDirectory ?? directory.appendingPathComponent("plugins.d").path
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        let file = try await InitialSetup.run(
            .init(directory: directory.path, network: "testnet", homeDomain: "localhost:8000", pluginsDirectory: plugins),
            logger: .quiet
        )
        if !extra.isEmpty {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(("\n" + extra + "\n").utf8))
            try handle.close()
        }
        return TestAnchor(directory: directory, configFile: file)
    }

    /// The validated configuration, with `environment` standing in for the process environment.
    public func config(environment: [String: String] = [:]) async throws -> CapstanConfig {
        try await CapstanConfig.load(file: self.configFile, environment: environment)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: self.directory)
    }
}

extension Logger {
    /// A logger that only reports errors, so test output stays readable.
    public static var quiet: Logger {
        var logger = Logger(label: "capstan.test")
        logger.logLevel = .error
        return logger
    }
}
