import CapstanCore
import CapstanStore
import Foundation
import Logging
import StellarKit

/// What `capstan init` does: a config file with fresh keys, a migrated database and the demo asset.
public enum InitialSetup {
    /// The options of `capstan init`.
    public struct Options: Sendable {
        public var directory: String
        public var network: String
        public var homeDomain: String
        public var pluginsDirectory: String

        public init(directory: String, network: String, homeDomain: String, pluginsDirectory: String) {
            self.directory = directory
            self.network = network
            self.homeDomain = homeDomain
            self.pluginsDirectory = pluginsDirectory
        }
    }

    /// Writes `<dir>/capstan.yaml` (mode 0600) and prepares its database; refuses to overwrite a config.
    /// Returns the path of the written file.
    @discardableResult
    public static func run(_ options: Options, logger: Logger) async throws -> String {
        let fileManager = FileManager.default
        let directory = URL(fileURLWithPath: options.directory).standardizedFileURL
        let file = directory.appendingPathComponent("capstan.yaml").path
        guard !fileManager.fileExists(atPath: file) else {
            throw ConfigError(key: nil, "\(file) already exists; refusing to overwrite it")
        }
        guard ["testnet", "public", "devnet"].contains(options.network) else {
            throw ConfigError(key: "stellar.network", "'\(options.network)' is not testnet, public or devnet")
        }
        guard CapstanConfig.isHostPort(options.homeDomain) else {
            throw ConfigError(key: "anchor.home_domain", "'\(options.homeDomain)' is not HOST or HOST:PORT")
        }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)

        let signing = KeyPair.random()
        let issuer = KeyPair.random()
        let distribution = KeyPair.random()
        let pluginsPath = Self.relativePath(from: directory, to: URL(fileURLWithPath: options.pluginsDirectory).standardizedFileURL)
        let yaml = ConfigTemplate(
            network: options.network,
            homeDomain: options.homeDomain,
            signingSeed: signing.secretSeed,
            jwtSecret: Self.randomSecret(),
            distributionSeed: distribution.secretSeed,
            issuerSeed: issuer.secretSeed,
            pluginsDirectory: pluginsPath
        ).render()
        // Created 0600 from the start: the file holds secret keys and must never be readable by others.
        guard fileManager.createFile(atPath: file, contents: Data(yaml.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigError(key: nil, "cannot write \(file)")
        }

        let config = try await CapstanConfig.load(file: file, environment: [:])
        let store = try await SQLStore.openSQLite(path: config.databasePath, logger: logger)
        do {
            _ = try await store.migrate()
            if try await store.assets.asset(code: "SRT") == nil {
                try await store.assets.insert(Self.demoAsset(issuer: issuer.publicKey.strKey, distribution: distribution.publicKey.strKey))
            }
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        return file
    }

    static func demoAsset(issuer: String, distribution: String) -> CapstanCore.Asset {
        Asset(
            code: "SRT",
            issuer: issuer,
            distributionAccount: distribution,
            significantDecimals: 2,
            seps: [.sep6, .sep24],
            deposit: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("10000"), feeFixed: nil, feePercent: nil),
            withdraw: .init(enabled: true, minAmount: Amount("1"), maxAmount: Amount("10000"), feeFixed: nil, feePercent: nil)
        )
    }

    /// 48 random bytes as URL-safe base64: 64 characters of JWT secret. The system generator is getrandom(2) on Linux.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<48).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func relativePath(from base: URL, to target: URL) -> String {
        let baseParts = base.pathComponents
        let targetParts = target.pathComponents
        var common = 0
        while common < min(baseParts.count, targetParts.count), baseParts[common] == targetParts[common] { common += 1 }
        guard common > 1 else { return target.path }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        let rest = Array(targetParts[common...])
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
