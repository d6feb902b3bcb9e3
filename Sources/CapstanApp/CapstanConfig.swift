import Foundation
import Logging
import StellarKit

/// Capstan's validated configuration. Building one checks every key, so a server that starts has a
/// usable configuration and a bad one stops before a port is bound or a file is opened.
public struct CapstanConfig: Sendable {
    /// Where the listener binds.
    public struct HTTP: Sendable {
        public var host: String
        public var port: Int
        public var maxBodyBytes: Int
    }

    /// What SEP-10 needs: the signing key, the JWT secret, the home domains and the timeouts.
    public struct SEP10: Sendable {
        public var enabled: Bool
        public var signingKey: KeyPair
        public var jwtSecret: String
        public var homeDomains: [String]
        public var authTimeoutSeconds: Int
        public var jwtTimeoutSeconds: Int
        public var clientDomainTimeoutMilliseconds: Int
        public var allowInsecureClientDomains: Bool
    }

    /// Where plugins come from and how they are called.
    public struct Plugins: Sendable {
        public var directory: String
        public var paths: [String]
        public var order: [String]
        public var hookTimeoutMilliseconds: Int
        /// Content-addressed copies of loaded plugin files live here, so a new build can load beside the old.
        public var runtimeDirectory: String
        public var sections: [String: [UInt8]]
    }

    public var configFile: String?
    public var homeDomain: String
    public var publicURL: String
    public var http: HTTP
    public var databasePath: String
    public var networkName: String
    public var networkPassphrase: String
    public var horizonURL: String
    public var accounts: [String]
    public var distributionKeys: [KeyPair]
    public var sep1Enabled: Bool
    public var sep1CacheSeconds: Int
    public var sep10: SEP10
    public var plugins: Plugins
    public var sep24: SEP24
    public var sep6: SEP6
    public var sep12: SEP12
    public var ui: UI
    public var callbacks: Callbacks
    public var workers: Workers
    public var logLevel: Logger.Level

    /// SEP-6 settings.
    public struct SEP6: Sendable {
        public var enabled: Bool
        public var legacyCustomerInfoStatus: Bool
        public var feeAuthenticationRequired: Bool
        public var transactionsMaxLimit: Int
    }

    /// SEP-12 settings: where customer files go and how large they may be.
    public struct SEP12: Sendable {
        public var enabled: Bool
        public var filesDirectory: String
        public var maxFileBytes: Int
    }

    /// SEP-24's interactive flow settings.
    public struct SEP24: Sendable {
        public var enabled: Bool
        public var interactiveTokenSeconds: Int
        public var sessionMinutes: Int
        public var transactionsMaxLimit: Int
    }

    /// Where operators override the interactive pages, and the fallback language.
    public struct UI: Sendable {
        public var directory: String?
        public var defaultLanguage: String
    }

    /// Delivery of signed wallet callbacks from the durable outbox.
    public struct Callbacks: Sendable {
        public var maxAttempts: Int
        public var timeoutMilliseconds: Int
    }

    /// How often the money workers run inside `serve`.
    public struct Workers: Sendable {
        /// Pause between two passes of each worker.
        public var intervalMilliseconds: Int
        /// How long a deposit the rails did not report as arrived (or a trustline still missing) is left alone.
        public var recheckSeconds: Int
    }

    /// SEPs this build can serve; enabling any other is a configuration error rather than a silent no-op.
    static let availableSEPs: Set<String> = ["sep1", "sep6", "sep10", "sep12", "sep24"]

    /// Loads and validates `file` (optional) under the environment, which wins over the file.
    public static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) async throws(ConfigError) -> CapstanConfig {
        let source = try await ConfigSource.load(file: file, environment: environment)
        return try CapstanConfig(source: source, file: file)
    }

    init(source: ConfigSource, file: String?) throws(ConfigError) {
        try Self.rejectUnknownKeys(source.fileKeys())
        let base = file.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? FileManager.default.currentDirectoryPath
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
        }

        self.configFile = file
        self.homeDomain = try source.string("anchor.home_domain") ?? "localhost:8000"
        guard Self.isHostPort(self.homeDomain) else {
            throw ConfigError(key: "anchor.home_domain", "'\(self.homeDomain)' is not HOST or HOST:PORT")
        }
        let local = self.homeDomain.hasPrefix("localhost") || self.homeDomain.hasPrefix("127.0.0.1")
        let publicURL = try source.string("anchor.public_url") ?? "\(local ? "http" : "https")://\(self.homeDomain)"
        guard let url = URL(string: publicURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil, !publicURL.hasSuffix("/") else {
            throw ConfigError(key: "anchor.public_url", "'\(publicURL)' must be an absolute http(s) URL without a trailing slash")
        }
        self.publicURL = publicURL

        self.http = HTTP(
            host: try source.string("http.host") ?? "127.0.0.1",
            port: try source.int("http.port", default: 8000, range: 0...65535),
            maxBodyBytes: try source.int("http.max_body_bytes", default: 1 << 20, range: 1024...(1 << 30))
        )

        let database = try source.string("database.url") ?? "sqlite:capstan.sqlite"
        guard database.hasPrefix("sqlite:"), database.count > "sqlite:".count else {
            throw ConfigError(key: "database.url", "'\(database)' is not supported; use sqlite:PATH")
        }
        self.databasePath = resolve(String(database.dropFirst("sqlite:".count)))

        self.networkName = try source.string("stellar.network") ?? "testnet"
        let defaults: (passphrase: String, horizon: String)
        switch self.networkName {
        case "testnet": defaults = (Network.testnet.passphrase, "https://horizon-testnet.stellar.org")
        case "public": defaults = (Network.publicNetwork.passphrase, "https://horizon.stellar.org")
        case "devnet": defaults = (Network.standalone.passphrase, "http://127.0.0.1:8001")
        default: throw ConfigError(key: "stellar.network", "'\(self.networkName)' is not testnet, public or devnet")
        }
        self.networkPassphrase = try source.string("stellar.network_passphrase") ?? defaults.passphrase
        self.horizonURL = try source.string("horizon.url") ?? defaults.horizon
        guard URL(string: self.horizonURL)?.host != nil else {
            throw ConfigError(key: "horizon.url", "'\(self.horizonURL)' is not an absolute URL")
        }

        self.accounts = try source.strings("stellar.accounts")
        for account in self.accounts where (try? PublicKey(strKey: account)) == nil {
            throw ConfigError(key: "stellar.accounts", "'\(account)' is not a valid account (G…)")
        }
        self.distributionKeys = try source.strings("stellar.distribution_secrets").enumerated().map { (index, secret) throws(ConfigError) in
            do { return try KeyPair(secretSeed: secret) } catch {
                throw ConfigError(key: "stellar.distribution_secrets", "entry \(index + 1) is not a valid secret seed (S…)")
            }
        }

        self.sep1Enabled = try source.bool("sep1.enabled", default: true)
        self.sep1CacheSeconds = try source.int("sep1.cache_seconds", default: 10, range: 0...86_400)
        for sep in ["sep6", "sep10", "sep12", "sep24", "sep31", "sep38"] where try source.bool("\(sep).enabled", default: false) {
            guard Self.availableSEPs.contains(sep) else {
                throw ConfigError(key: "\(sep).enabled", "\(sep.uppercased()) is not available in this build yet")
            }
        }
        guard let seed = try source.string("sep10.signing_key") else {
            throw ConfigError(key: "sep10.signing_key", "is required (run `capstan init` or `capstan keys generate`)")
        }
        let signingKey: KeyPair
        do { signingKey = try KeyPair(secretSeed: seed) } catch {
            throw ConfigError(key: "sep10.signing_key", "is not a valid secret seed (S…)")
        }
        guard let jwtSecret = try source.string("sep10.jwt_secret"), jwtSecret.utf8.count >= 32 else {
            throw ConfigError(key: "sep10.jwt_secret", "is required and must be at least 32 characters")
        }
        let homeDomains = try source.strings("sep10.home_domains")
        for domain in homeDomains where !Self.isHostPort(domain) || domain.utf8.count > 59 {
            // SEP-10: the ManageData name "<home_domain> auth" is at most 64 bytes.
            throw ConfigError(key: "sep10.home_domains", "'\(domain)' is not HOST[:PORT] of at most 59 characters")
        }
        self.sep10 = SEP10(
            enabled: try source.bool("sep10.enabled", default: false),
            signingKey: signingKey,
            jwtSecret: jwtSecret,
            homeDomains: homeDomains.isEmpty ? [self.homeDomain] : homeDomains,
            authTimeoutSeconds: try source.int("sep10.auth_timeout_seconds", default: 900, range: 30...86_400),
            jwtTimeoutSeconds: try source.int("sep10.jwt_timeout_seconds", default: 86_400, range: 60...2_592_000),
            clientDomainTimeoutMilliseconds: try source.int("sep10.client_domain_timeout_ms", default: 3000, range: 100...30_000),
            allowInsecureClientDomains: try source.bool("sep10.allow_insecure_client_domains", default: false)
        )

        self.plugins = Plugins(
            directory: resolve(try source.string("plugins.dir") ?? "plugins.d"),
            paths: try source.strings("plugins.paths").map(resolve),
            order: try source.strings("plugins.order"),
            hookTimeoutMilliseconds: try source.int("plugins.hook_timeout_ms", default: 5000, range: 1...600_000),
            runtimeDirectory: resolve(".capstan-plugin-images"),
            sections: try source.pluginSections()
        )
        _ = try source.string("demo.issuer_secret")
        self.sep24 = SEP24(
            enabled: try source.bool("sep24.enabled", default: false),
            interactiveTokenSeconds: try source.int("sep24.interactive_token_seconds", default: 30, range: 5...3600),
            sessionMinutes: try source.int("sep24.session_minutes", default: 30, range: 1...1440),
            transactionsMaxLimit: try source.int("sep24.transactions_max_limit", default: 200, range: 1...10_000)
        )
        self.sep6 = SEP6(
            enabled: try source.bool("sep6.enabled", default: false),
            legacyCustomerInfoStatus: try source.bool("sep6.legacy_customer_info_status", default: false),
            feeAuthenticationRequired: try source.bool("sep6.fee_authentication_required", default: true),
            transactionsMaxLimit: try source.int("sep6.transactions_max_limit", default: 200, range: 1...10_000)
        )
        self.sep12 = SEP12(
            enabled: try source.bool("sep12.enabled", default: false),
            filesDirectory: resolve(try source.string("sep12.files_dir") ?? "kyc-files"),
            maxFileBytes: try source.int("sep12.max_file_bytes", default: 10 << 20, range: 1024...(1 << 30))
        )
        let uiDirectory = try source.string("ui.dir").flatMap { $0.isEmpty || $0 == "none" ? nil : resolve($0) }
        let language = try source.string("ui.default_lang") ?? "en"
        guard ["en", "es"].contains(language) else { throw ConfigError(key: "ui.default_lang", "'\(language)' is not en or es") }
        self.ui = UI(directory: uiDirectory, defaultLanguage: language)
        self.callbacks = Callbacks(
            maxAttempts: try source.int("callbacks.max_attempts", default: 12, range: 1...100),
            timeoutMilliseconds: try source.int("callbacks.timeout_ms", default: 5000, range: 100...60_000)
        )
        self.workers = Workers(
            intervalMilliseconds: try source.int("workers.interval_ms", default: 5000, range: 50...3_600_000),
            recheckSeconds: try source.int("workers.recheck_seconds", default: 30, range: 0...86_400)
        )

        let level = try source.string("log.level") ?? "info"
        guard let logLevel = Logger.Level(rawValue: level) else {
            throw ConfigError(key: "log.level", "'\(level)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        self.logLevel = logLevel
    }

    static func rejectUnknownKeys(_ keys: [String]) throws(ConfigError) {
        let known = Set(Self.keys.map(\.name))
        for key in keys where !known.contains(key) && !key.hasPrefix("plugins.config") {
            throw ConfigError(key: key, "unknown key (see the configuration table in README.md)")
        }
    }

    static func isHostPort(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let host = parts.first, !host.isEmpty,
              host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
        if parts.count == 2 { return UInt16(parts[1]).map { $0 > 0 } ?? false }
        return true
    }
}
