import ArgumentParser
import CapstanApp
import Foundation
import Logging

/// Helpers every command shares: loading config with a one-line error, and the logger.
enum CapstanCommandSupport {
    static func loadConfig(_ path: String) async throws -> CapstanConfig {
        try await self.failing { try await CapstanConfig.load(file: path) }
    }

    /// Turns an error into one line on stderr and exit status 1, instead of a Swift error dump.
    static func failing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("capstan: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func logger(_ config: CapstanConfig) -> Logger {
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, level: config.logLevel) }
        var logger = Logger(label: "capstan")
        logger.logLevel = config.logLevel
        return logger
    }

    static func plainLogger() -> Logger {
        var logger = Logger(label: "capstan")
        logger.logLevel = .warning
        return logger
    }
}
