import CapstanCore
import CapstanHTTP
import Hummingbird
import Logging

/// SEP-24 Hosted Deposit and Withdrawal: the wallet API under `/sep24` and the interactive pages it links to.
///
/// | route | auth |
/// | --- | --- |
/// | `GET /sep24/info` | none |
/// | `GET /sep24/fee` (deprecated) | SEP-10 |
/// | `POST /sep24/transactions/deposit/interactive`, `…/withdraw/interactive` | SEP-10 |
/// | `GET /sep24/transaction`, `GET /sep24/transactions` | SEP-10 |
/// | `GET`/`POST /sep24/interactive/{id}`, `GET …/{id}/fee` | single-use token, then session cookie |
/// | `GET /sep24/more_info/{id}?key=…` | the key in the link |
/// | `GET /sep24/static/{file}` | none |
public struct SEP24Routes: Sendable {
    let deps: SEP24Dependencies

    /// - Parameters:
    ///   - flowState: durable storage for where each interactive flow is (the host's key-value store).
    ///   - feeProvider: the plugins' `fee` hook, if any; otherwise fees come from the asset table.
    public init(
        settings: SEP24Settings, transactions: any TransactionStore, assets: any AssetStore, hooks: any SEP24Hooks,
        feeProvider: (any FeeProvider)?, flowState: any PluginKeyValueStore, clock: UnixClock = .system,
        logger: Logger = Logger(label: "capstan.sep24")
    ) throws {
        self.deps = SEP24Dependencies(
            settings: settings, transactions: transactions, assets: AssetDirectory(store: assets), hooks: hooks,
            feeProvider: feeProvider, fees: FeeCalculator(), flows: FlowStateStore(store: flowState),
            secrets: InteractiveSecrets(secret: settings.secret),
            pages: try PageRenderer.load(overrideDirectory: settings.uiDirectory, defaultLanguage: settings.defaultLanguage),
            clock: clock, logger: logger)
    }

    /// Renders SEP-24 wallet callbacks; register it with the store for `.sep24`.
    public var presenter: any TransactionPresenter {
        SEP24Presenter(publicURL: self.deps.settings.publicURL, secrets: self.deps.secrets)
    }

    /// Mounts every route and records it in `routes`, so CORS pre-flight and 405 know each path.
    public func register(
        on router: Router<CapstanRequestContext>, routes: RouteTable, authenticator: SEP10Authenticator<CapstanRequestContext>
    ) {
        let info = InfoEndpoint(dependencies: self.deps)
        let start = InteractiveEndpoint(dependencies: self.deps)
        let lookups = TransactionsEndpoint(dependencies: self.deps)
        let pages = InteractivePages(deps: self.deps)
        let public_ = PublicPages(deps: self.deps)

        let sep24 = router.group("sep24")
        sep24.get("info", use: info.info)
        sep24.get("more_info/:id", use: public_.moreInfo)
        sep24.get("static/:file", use: public_.staticFile)
        sep24.get("interactive/:id", use: pages.show)
        sep24.post("interactive/:id", use: pages.submit)
        sep24.get("interactive/:id/fee", use: pages.fee)

        let wallet = router.group("sep24").add(middleware: authenticator).group(context: AuthenticatedContext.self)
        wallet.get("fee", use: info.fee)
        wallet.post("transactions/deposit/interactive", use: start.deposit)
        wallet.post("transactions/withdraw/interactive", use: start.withdraw)
        wallet.get("transaction", use: lookups.transaction)
        wallet.get("transactions", use: lookups.transactions)

        for (method, path) in [
            (HTTPRequest.Method.get, "info"), (.get, "more_info/:id"), (.get, "static/:file"), (.get, "interactive/:id"),
            (.post, "interactive/:id"), (.get, "interactive/:id/fee"), (.get, "fee"), (.post, "transactions/deposit/interactive"),
            (.post, "transactions/withdraw/interactive"), (.get, "transaction"), (.get, "transactions"),
        ] {
            routes.add(method, "sep24/\(path)")
        }
    }
}
