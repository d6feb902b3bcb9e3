/// One documented configuration key. `CapstanConfig.keys` is the single list; the README's
/// configuration table is checked against it by a test.
public struct ConfigKeySpec: Sendable, Equatable {
    /// Dotted lowercase name as written in capstan.yaml, e.g. `http.port`.
    public let name: String
    /// Default as shown in documentation; `—` when the key is required or has no default.
    public let defaultValue: String
    public let summary: String
    /// Secrets are never logged, and may be written as `env:NAME` to read them from another variable.
    public let isSecret: Bool

    init(_ name: String, _ defaultValue: String, _ summary: String, secret: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.isSecret = secret
    }

    /// The environment variable that overrides the key (dots and dashes become underscores, upper-cased),
    /// or `nil` for a family of keys such as `plugins.config.<name>` that only the file can hold.
    public var environmentName: String? {
        guard !self.name.contains("<") else { return nil }
        return self.name.uppercased().replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}

extension CapstanConfig {
    /// Every key Capstan reads, in documentation order.
    public static let keys: [ConfigKeySpec] = [
        .init("anchor.home_domain", "localhost:8000", "Host[:port] wallets know the anchor by; the SEP-10 home domain"),
        .init("anchor.public_url", "http(s)://<home_domain>", "Base URL of every endpoint published in stellar.toml (https unless localhost)"),
        .init("http.host", "127.0.0.1", "Address to bind"),
        .init("http.port", "8000", "Port to bind; 0 picks a free port and prints it"),
        .init("http.max_body_bytes", "1048576", "Largest request body accepted; larger ones get 413"),
        .init("database.url", "sqlite:capstan.sqlite", "`sqlite:PATH`; a relative path is relative to the config file"),
        .init("stellar.network", "testnet", "`testnet`, `public` or `devnet` (the standalone network of `capstan devnet`)"),
        .init("stellar.network_passphrase", "by network", "Overrides the passphrase the network implies"),
        .init("stellar.accounts", "[]", "Extra accounts for the stellar.toml ACCOUNTS list (distribution accounts are added)"),
        .init("stellar.distribution_secrets", "[]", "Secret keys of the distribution accounts the workers pay from", secret: true),
        .init("horizon.url", "by network", "Horizon the anchor reads the ledger from"),
        .init("sep1.enabled", "true", "Serve /.well-known/stellar.toml"),
        .init("sep1.cache_seconds", "10", "How long a generated stellar.toml is served before it is rebuilt"),
        .init("sep10.enabled", "false", "Serve SEP-10 web authentication at /auth"),
        .init("sep10.signing_key", "—", "Secret seed (S…) of the SEP-10 signing key; its public key is SIGNING_KEY", secret: true),
        .init("sep10.jwt_secret", "—", "Secret for signing session JWTs, at least 32 characters", secret: true),
        .init("sep10.home_domains", "[anchor.home_domain]", "Home domains a challenge may name; the first is the default"),
        .init("sep10.auth_timeout_seconds", "900", "How long a challenge stays valid"),
        .init("sep10.jwt_timeout_seconds", "86400", "How long a session JWT stays valid"),
        .init("sep10.client_domain_timeout_ms", "3000", "Deadline for fetching a client domain's stellar.toml"),
        .init("sep10.allow_insecure_client_domains", "false", "Allow http and loopback/private client domains (tests only)"),
        .init("sep6.enabled", "false", "Serve SEP-6 programmatic deposits and withdrawals at /sep6"),
        .init("sep6.legacy_customer_info_status", "false", "Answer the deprecated 403 `non_interactive_customer_info_needed` / `customer_info_status` instead of a `pending_customer_info_update` transaction"),
        .init("sep6.fee_authentication_required", "true", "Whether the deprecated GET /sep6/fee needs a SEP-10 token"),
        .init("sep6.transactions_max_limit", "200", "Largest `limit` GET /sep6/transactions accepts"),
        .init("sep12.enabled", "false", "Serve SEP-12 KYC at /kyc"),
        .init("sep12.files_dir", "kyc-files", "Where uploaded customer files are stored; relative to the config file"),
        .init("sep12.max_file_bytes", "10485760", "Largest customer file accepted; larger ones get 413"),
        .init("sep24.enabled", "false", "Serve SEP-24 interactive deposits and withdrawals at /sep24"),
        .init("sep24.interactive_token_seconds", "30", "Lifetime of the single-use token in an interactive URL"),
        .init("sep24.session_minutes", "30", "Lifetime of the interactive session cookie"),
        .init("sep24.transactions_max_limit", "200", "Largest `limit` GET /sep24/transactions accepts"),
        .init("ui.dir", "none", "Directory whose templates and CSS override the built-in interactive pages"),
        .init("ui.default_lang", "en", "Language of pages when neither `lang` nor Accept-Language picks one (`en`, `es`)"),
        .init("callbacks.max_attempts", "12", "Delivery attempts for one wallet callback before it is given up"),
        .init("callbacks.timeout_ms", "5000", "Deadline of one callback POST"),
        .init("workers.interval_ms", "5000", "Pause between two passes of each money worker inside `serve`"),
        .init("workers.recheck_seconds", "30", "How long a deposit the rails did not report as arrived, or one waiting for a trustline, is left alone before it is asked about again"),
        .init("sep31.enabled", "false", "Serve SEP-31 (not in this build yet)"),
        .init("sep38.enabled", "false", "Serve SEP-38 (not in this build yet)"),
        .init("plugins.dir", "plugins.d", "Directory scanned for plugin `.so` files; relative to the config file"),
        .init("plugins.paths", "[]", "Extra plugin files to load"),
        .init("plugins.order", "[]", "Plugin names in priority order; required when two plugins implement one hook"),
        .init("plugins.hook_timeout_ms", "5000", "Deadline of one plugin hook call"),
        .init("plugins.config.<name>", "{}", "The named plugin's own section, passed to it as JSON (file only)"),
        .init("demo.issuer_secret", "—", "Secret of the demo SRT issuer that `capstan init` creates", secret: true),
        .init("log.level", "info", "`trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`"),
    ]
}
