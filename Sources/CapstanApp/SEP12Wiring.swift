import CapstanHTTP
import CapstanPluginHost
import CapstanStore
import Foundation
import Hummingbird
import Logging
import SEP12

/// Mounts SEP-12 (`/kyc/...`) from the configuration, with the plugins' customer hooks, and serves the plugins'
/// `customer.status_changed` host call.
enum SEP12Wiring {
    /// The `host_call` method a plugin uses to report a status it decided later (a manual review, say).
    static let statusChangedMethod = "customer.status_changed"

    static func register(
        config: CapstanConfig, store: SQLStore, plugins: PluginHost, router: Router<CapstanRequestContext>, routes: RouteTable, logger: Logger
    ) async throws {
        let sep12Logger = Logger(label: "capstan.sep12")
        let sep12 = SEP12Routes(
            settings: SEP12Settings(filesDirectory: config.sep12.filesDirectory, maxFileBytes: config.sep12.maxFileBytes),
            hooks: PluginCustomerHooks(host: plugins), keyValues: store.pluginKeyValues,
            statusSink: CustomerStatusEffects(callbacks: store.customerCallbacks, transactions: store.transactions, logger: sep12Logger),
            logger: sep12Logger)
        plugins.methods.register(Self.statusChangedMethod) { _, request throws(HostMethodError) in
            let reply: CustomerReply
            do { reply = try JSONDecoder().decode(CustomerReply.self, from: Data(request)) } catch {
                throw .invalid("\(Self.statusChangedMethod): the request is not a GET /customer body")
            }
            guard reply.id != nil else { throw .invalid("\(Self.statusChangedMethod): id is required") }
            let known: Bool
            do { known = try await sep12.customerStatusChanged(reply) } catch { throw .transient("\(error)") }
            guard known else { throw .notFound("\(Self.statusChangedMethod): no customer with that id") }
            return Array("{}".utf8)
        }
        let authenticator = SEP10Authenticator<CapstanRequestContext>(tokens: await SessionTokens(secret: config.sep10.jwtSecret))
        sep12.register(on: router, routes: routes, authenticator: authenticator)
        if plugins.owner(of: .customerGet) == nil || plugins.owner(of: .customerPut) == nil {
            logger.warning("SEP-12 is enabled but no plugin implements customer_get/customer_put: those endpoints answer 501")
        }
        logger.info("SEP-12 enabled", metadata: ["kyc_server": "\(config.publicURL)/kyc", "files": "\(config.sep12.filesDirectory)"])
    }
}

/// `SEP12Hooks` backed by the plugins' customer hooks. It lives here rather than in CapstanPluginHost/Adapters
/// because that target does not depend on SEP12.
struct PluginCustomerHooks: SEP12Hooks {
    let host: PluginHost

    func get(_ request: CustomerGetRequest) async throws(CustomerHookError) -> CustomerReply? {
        try await self.call(.customerGet, request, as: CustomerReply.self)
    }

    func put(_ request: CustomerPutRequest) async throws(CustomerHookError) -> CustomerPutReply? {
        try await self.call(.customerPut, request, as: CustomerPutReply.self)
    }

    func delete(_ request: CustomerDeleteRequest) async throws(CustomerHookError) -> Bool? {
        try await self.call(.customerDelete, request, as: Empty.self).map { _ in true }
    }

    func callback(_ request: CustomerCallbackRequest) async throws(CustomerHookError) -> Bool? {
        // The host keeps the URL itself; a plugin without the hook simply is not told.
        try await self.call(.customerCallback, request, as: Empty.self).map { _ in true } ?? true
    }

    func verification(_ request: CustomerVerificationRequest) async throws(CustomerHookError) -> CustomerReply? {
        try await self.call(.customerVerification, request, as: CustomerReply.self)
    }

    private struct Empty: Decodable {}

    private func call<Request: Encodable, Reply: Decodable>(
        _ hook: PluginHook, _ request: Request, as type: Reply.Type
    ) async throws(CustomerHookError) -> Reply? {
        do {
            return try await self.host.call(hook, request, as: type)
        } catch {
            // A switch rather than `catch .unimplemented`: that pattern on a typed throw crashes Swift 6.3.1's SILGen.
            switch error {
            case .unimplemented: return nil
            case .invalid(let message, _): throw .invalid(message)
            case .notFound: throw .notFound
            case .transient, .deadlineExceeded, .fatal, .malformedResponse: throw .failed
            }
        }
    }
}
