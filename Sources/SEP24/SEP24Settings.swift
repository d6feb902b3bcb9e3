/// Everything SEP-24 reads from the configuration, validated by the composition root.
public struct SEP24Settings: Sendable {
    /// `anchor.public_url`, without a trailing slash: the base of interactive and more-info URLs.
    public var publicURL: String
    /// `sep24.interactive_token_seconds`: how long the single-use token in an interactive URL stays valid.
    public var interactiveTokenSeconds: Int
    /// `sep24.session_minutes`: lifetime of the session cookie the token is exchanged for.
    public var sessionMinutes: Int
    /// `sep24.transactions_max_limit`: the largest `limit` `GET /transactions` honours (larger ones are clamped).
    public var transactionsMaxLimit: Int
    /// Keys every token, cookie, CSRF value and more-info link is MACed with (derived from `sep10.jwt_secret`,
    /// which all instances share, so any instance can check what another issued).
    public var secret: [UInt8]
    /// `ui.dir`: templates, CSS and message catalogs that replace the built-in ones.
    public var uiDirectory: String?
    /// `ui.default_lang`: the page language when neither `lang` nor `Accept-Language` picks one.
    public var defaultLanguage: String
    /// The anchor's name and logo for page headers.
    public var brand: Brand
    /// `/info` `features`: whether deposits may create the destination account.
    public var accountCreation: Bool
    /// `/info` `features`: whether deposits may be paid as claimable balances.
    public var claimableBalances: Bool

    public init(
        publicURL: String, interactiveTokenSeconds: Int, sessionMinutes: Int, transactionsMaxLimit: Int, secret: [UInt8],
        uiDirectory: String? = nil, defaultLanguage: String = "en", brand: Brand = Brand(name: "Anchor"),
        accountCreation: Bool = true, claimableBalances: Bool = false
    ) {
        self.publicURL = publicURL
        self.interactiveTokenSeconds = interactiveTokenSeconds
        self.sessionMinutes = sessionMinutes
        self.transactionsMaxLimit = transactionsMaxLimit
        self.secret = secret
        self.uiDirectory = uiDirectory
        self.defaultLanguage = defaultLanguage
        self.brand = brand
        self.accountCreation = accountCreation
        self.claimableBalances = claimableBalances
    }

    /// Cookies get `Secure` only when pages are served over HTTPS: a browser drops a Secure cookie set over plain
    /// HTTP, which would break local development on `http://localhost`.
    public var secureCookies: Bool { self.publicURL.lowercased().hasPrefix("https://") }

    /// The anchor as pages show it.
    public struct Brand: Sendable, Equatable {
        /// `ORG_NAME` (or the home domain when the TOML has none).
        public var name: String
        /// `ORG_LOGO`: an absolute https URL; nil shows the built-in mark.
        public var logoURL: String?

        public init(name: String, logoURL: String? = nil) {
            self.name = name
            self.logoURL = logoURL
        }
    }
}
