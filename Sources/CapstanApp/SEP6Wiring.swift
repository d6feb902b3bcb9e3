import CapstanCore
import CapstanHTTP
import CapstanPluginHost
import CapstanStore
import Hummingbird
import Logging
import SEP6

/// Mounts SEP-6 (`/sep6/...`) from the configuration, with the plugins' `sep6_*` hooks and fees (its callback
/// presenter: `ChangeNotifications`).
enum SEP6Wiring {
    static func register(
        config: CapstanConfig, store: SQLStore, plugins: PluginHost, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger
    ) async throws {
        let settings = SEP6Settings(
            legacyCustomerInfoStatus: config.sep6.legacyCustomerInfoStatus,
            feeAuthenticationRequired: config.sep6.feeAuthenticationRequired,
            transactionsMaxLimit: config.sep6.transactionsMaxLimit,
            // No SEP-38 in this build: exchanges work at the market rate but are not advertised, and quote ids never resolve.
            advertiseExchange: false,
            defaultLanguage: config.ui.defaultLanguage
        )
        let sep6 = SEP6Routes(
            settings: settings,
            transactions: store.transactions,
            assets: store.assets,
            hooks: PluginSEP6Hooks(host: plugins),
            feeProvider: plugins.owner(of: .fee) == nil ? nil : PluginFeeProvider(host: plugins),
            quotes: NoSEP6Quotes(),
            keyValues: store.pluginKeyValues,
            logger: Logger(label: "capstan.sep6")
        )
        let authenticator = SEP10Authenticator<CapstanRequestContext>(tokens: await SessionTokens(secret: config.sep10.jwtSecret))
        sep6.register(on: router, routes: routes, authenticator: authenticator)
        if !config.sep10.enabled {
            logger.warning("SEP-6 is enabled without SEP-10: wallets cannot get the tokens every SEP-6 endpoint but /info requires")
        }
        if plugins.owner(of: .sep6Deposit) == nil || plugins.owner(of: .sep6Withdraw) == nil {
            logger.warning("SEP-6 is enabled but no plugin implements sep6_deposit/sep6_withdraw: those requests are refused")
        }
        logger.info("SEP-6 enabled", metadata: [
            "transfer_server": "\(config.publicURL)/sep6",
            "customer_info": "\(settings.legacyCustomerInfoStatus ? "legacy 403" : "pending_customer_info_update")",
        ])
    }
}

/// `SEP6Hooks` backed by the plugins' `sep6_info`, `sep6_deposit` and `sep6_withdraw` hooks. No owner, or
/// `CAPSTAN_UNIMPLEMENTED`, is nil (the host's default applies); `CAPSTAN_INVALID` and `CAPSTAN_NOT_FOUND` are the
/// anchor's refusal shown to the wallet; the rest are failures.
///
/// It lives here rather than in CapstanPluginHost/Adapters because that target does not depend on SEP6 (as with
/// `PluginSEP24Hooks`).
struct PluginSEP6Hooks: SEP6Hooks {
    let host: PluginHost

    func info(_ request: SEP6InfoRequest) async throws -> SEP6InfoReply? {
        try await self.call(.sep6Info, request, as: SEP6InfoReply.self)
    }

    func deposit(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply? {
        try await self.call(.sep6Deposit, request, as: SEP6TransferReply.self)
    }

    func withdraw(_ request: SEP6TransferRequest) async throws -> SEP6TransferReply? {
        try await self.call(.sep6Withdraw, request, as: SEP6TransferReply.self)
    }

    private func call<Request: Encodable, Reply: Decodable>(_ hook: PluginHook, _ request: Request, as type: Reply.Type) async throws -> Reply? {
        do {
            return try await self.host.call(hook, request, as: type)
        } catch {
            // A switch rather than `catch .unimplemented`: that pattern on a typed throw crashes Swift 6.3.1's SILGen.
            switch error {
            case .unimplemented: return nil
            case .invalid(let message, _), .notFound(let message): throw SEP6HookRejection(message: message)
            case .transient, .deadlineExceeded: throw SEP6HookFailure(temporary: true)
            case .fatal, .malformedResponse: throw SEP6HookFailure(temporary: false)
            }
        }
    }
}
