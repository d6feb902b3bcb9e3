import CapstanCore
import CapstanHTTP
import Hummingbird
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// SEP-6 Deposit and Withdrawal API (v4.3.0) under `/sep6`.
///
/// | route | auth |
/// | --- | --- |
/// | `GET /sep6/info` | none |
/// | `GET /sep6/fee` (deprecated) | SEP-10 unless `sep6.fee_authentication_required` is off |
/// | `GET /sep6/deposit`, `/withdraw`, `/deposit-exchange`, `/withdraw-exchange` | SEP-10 |
/// | `GET /sep6/transaction`, `GET /sep6/transactions`, `PATCH /sep6/transactions/{id}` | SEP-10 |
///
/// Every endpoint but `/info` (and optionally `/fee`) requires SEP-10, as the SEP "highly recommends"; `/info`
/// says so per asset with `authentication_required: true`.
public struct SEP6Routes: Sendable {
    let deps: SEP6Dependencies

    /// - Parameters:
    ///   - feeProvider: the plugins' `fee` hook, if any; otherwise fees come from the asset table.
    ///   - quotes: SEP-38 firm quotes for the exchange endpoints; without SEP-38 no `quote_id` resolves.
    ///   - keyValues: the host's key-value store, where PATCHed fields are kept for the anchor.
    public init(
        settings: SEP6Settings, transactions: any TransactionStore, assets: any AssetStore, hooks: any SEP6Hooks,
        feeProvider: (any FeeProvider)?, quotes: any SEP6QuoteResolver = NoSEP6Quotes(), keyValues: any PluginKeyValueStore,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "capstan.sep6")
    ) {
        self.deps = SEP6Dependencies(
            settings: settings, transactions: transactions, assets: AssetDirectory(store: assets), hooks: hooks,
            feeProvider: feeProvider, quotes: quotes, keyValues: keyValues, now: now, logger: logger)
    }

    /// Renders SEP-6 wallet callbacks; register it with the store for `.sep6`.
    public var presenter: any TransactionPresenter { SEP6Presenter() }

    /// Mounts every route and records it in `routes`, so CORS pre-flight and 405 know each path.
    public func register(
        on router: Router<CapstanRequestContext>, routes: RouteTable, authenticator: SEP10Authenticator<CapstanRequestContext>
    ) {
        let info = InfoEndpoint(deps: self.deps)
        let transfers = TransferEndpoint(deps: self.deps)
        let lookups = TransactionsEndpoint(deps: self.deps)

        let open = router.group("sep6")
        open.get("info", use: info.info)
        let wallet = router.group("sep6").add(middleware: authenticator).group(context: AuthenticatedContext.self)
        if self.deps.settings.feeAuthenticationRequired {
            wallet.get("fee", use: info.authenticatedFee)
        } else {
            open.get("fee", use: info.publicFee)
        }
        wallet.get("deposit", use: transfers.deposit)
        wallet.get("withdraw", use: transfers.withdraw)
        wallet.get("deposit-exchange", use: transfers.depositExchange)
        wallet.get("withdraw-exchange", use: transfers.withdrawExchange)
        wallet.get("transaction", use: lookups.transaction)
        wallet.get("transactions", use: lookups.transactions)
        wallet.patch("transactions/:id", use: lookups.patch)

        for (method, path) in [
            (HTTPRequest.Method.get, "info"), (.get, "fee"), (.get, "deposit"), (.get, "withdraw"), (.get, "deposit-exchange"),
            (.get, "withdraw-exchange"), (.get, "transaction"), (.get, "transactions"), (.patch, "transactions/:id"),
        ] {
            routes.add(method, "sep6/\(path)")
        }
    }
}
