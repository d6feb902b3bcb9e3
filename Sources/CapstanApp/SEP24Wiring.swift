import CapstanCore
import CapstanHTTP
import CapstanPluginHost
import CapstanStore
import Foundation
import Hummingbird
import Logging
import SEP24

/// Mounts SEP-24 (`/sep24/...` and the interactive pages) from the configuration, with the plugins' forms, fees
/// and instructions (its callback presenter: `ChangeNotifications`).
enum SEP24Wiring {
    static func register(
        config: CapstanConfig, store: SQLStore, plugins: PluginHost, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger
    ) async throws {
        let settings = SEP24Settings(
            publicURL: config.publicURL,
            interactiveTokenSeconds: config.sep24.interactiveTokenSeconds,
            sessionMinutes: config.sep24.sessionMinutes,
            transactionsMaxLimit: config.sep24.transactionsMaxLimit,
            secret: config.sep24Secret,
            uiDirectory: config.ui.directory,
            defaultLanguage: config.ui.defaultLanguage,
            brand: await self.brand(config: config, plugins: plugins)
        )
        let sep24 = try SEP24Routes(
            settings: settings,
            transactions: store.transactions,
            assets: store.assets,
            hooks: PluginSEP24Hooks(host: plugins),
            feeProvider: plugins.owner(of: .fee) == nil ? nil : PluginFeeProvider(host: plugins),
            flowState: store.pluginKeyValues,
            logger: Logger(label: "capstan.sep24")
        )
        let authenticator = SEP10Authenticator<CapstanRequestContext>(tokens: await SessionTokens(secret: config.sep10.jwtSecret))
        sep24.register(on: router, routes: routes, authenticator: authenticator)
        if !config.sep10.enabled {
            logger.warning("SEP-24 is enabled without SEP-10: wallets cannot get the tokens every SEP-24 endpoint but /info requires")
        }
        if !settings.secureCookies {
            logger.warning("SEP-24 pages are served over plain HTTP: session cookies are not Secure (development only)")
        }
        logger.info("SEP-24 enabled", metadata: [
            "transfer_server": "\(config.publicURL)/sep24",
            "forms": "\(plugins.owner(of: .sep24Form)?.name ?? "built-in amount form")",
        ])
    }

    /// `ORG_NAME` and `ORG_LOGO` from the plugins' stellar.toml contribution; the home domain when there is none.
    private static func brand(config: CapstanConfig, plugins: PluginHost) async -> SEP24Settings.Brand {
        struct Request: Encodable {
            let homeDomain: String
            let networkPassphrase: String
            let currencies: [String] = []
            enum CodingKeys: String, CodingKey { case homeDomain = "home_domain", networkPassphrase = "network_passphrase", currencies }
        }
        struct Reply: Decodable {
            struct Documentation: Decodable {
                var name: String?
                var logo: String?
                enum CodingKeys: String, CodingKey { case name = "ORG_NAME", logo = "ORG_LOGO" }
            }
            var documentation: Documentation?
        }
        let reply = try? await plugins.call(
            .toml, Request(homeDomain: config.homeDomain, networkPassphrase: config.networkPassphrase), as: Reply.self)
        // Only an https logo: the pages' CSP allows images from https and this origin, never plain http.
        let logo = reply?.documentation?.logo.flatMap { $0.hasPrefix("https://") ? $0 : nil }
        return SEP24Settings.Brand(name: reply?.documentation?.name ?? config.homeDomain, logoURL: logo)
    }
}

/// `SEP24Hooks` backed by the plugins' `sep24_form`, `sep24_form_submit`, `sep9_save` and `deposit_instructions`
/// hooks. No owner, or `CAPSTAN_UNIMPLEMENTED`, is nil (the built-in behaviour applies); `CAPSTAN_INVALID` and
/// `CAPSTAN_NOT_FOUND` are the anchor's refusal shown to the user; the rest are failures.
///
/// It lives here rather than in CapstanPluginHost/Adapters because that target does not depend on SEP24.
struct PluginSEP24Hooks: SEP24Hooks {
    let host: PluginHost

    func form(_ request: FormRequest) async throws -> FormReply? {
        try await self.call(.sep24Form, request, as: FormReply.self)
    }

    func submit(_ request: FormSubmission) async throws -> SubmitReply? {
        try await self.call(.sep24FormSubmit, request, as: SubmitReply.self)
    }

    func saveSEP9(_ request: SEP9Submission) async throws -> Bool {
        try await self.call(.sep9Save, request, as: Empty.self) != nil
    }

    func depositInstructions(_ request: InstructionsRequest) async throws -> InstructionsReply? {
        try await self.call(.depositInstructions, request, as: InstructionsReply.self)
    }

    private struct Empty: Decodable {}

    private func call<Request: Encodable, Reply: Decodable>(_ hook: PluginHook, _ request: Request, as type: Reply.Type) async throws -> Reply? {
        do {
            return try await self.host.call(hook, request, as: type)
        } catch {
            // A switch rather than `catch .unimplemented`: that pattern on a typed throw crashes Swift 6.3.1's SILGen.
            switch error {
            case .unimplemented: return nil
            case .invalid(let message, let fields): throw HookRejection(message: message, fields: fields)
            case .notFound(let message): throw HookRejection(message: message)
            case .transient, .deadlineExceeded: throw HookFailure(temporary: true)
            case .fatal, .malformedResponse: throw HookFailure(temporary: false)
            }
        }
    }
}
