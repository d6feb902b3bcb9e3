import CapstanCore
import CapstanHTTP
import Hummingbird
import Logging

/// SEP-12 KYC API under `/kyc`; every route requires SEP-10 (403 without a token).
///
/// | route | what |
/// | --- | --- |
/// | `GET`/`PUT /kyc/customer` | status and fields; idempotent upsert (JSON, form or multipart) |
/// | `PUT /kyc/customer/verification` | deprecated verification codes |
/// | `PUT /kyc/customer/callback` | status callback URL |
/// | `DELETE /kyc/customer/:account` | erase the caller's customer |
/// | `POST`/`GET /kyc/customer/files` | upload and list files |
public struct SEP12Routes: Sendable {
    let deps: SEP12Dependencies

    /// - Parameters:
    ///   - keyValues: the host's durable key-value store, for id ownership, statuses and callback URLs.
    ///   - statusSink: told when a customer's status changes (callbacks, waiting transactions).
    public init(
        settings: SEP12Settings, hooks: any SEP12Hooks, keyValues: any PluginKeyValueStore, statusSink: (any CustomerStatusSink)? = nil,
        logger: Logger = Logger(label: "capstan.sep12")
    ) {
        self.deps = SEP12Dependencies(
            hooks: hooks, ownership: CustomerOwnership(store: keyValues), files: CustomerFileStore(settings: settings),
            callbacks: keyValues, statuses: CustomerStatusTracker(store: keyValues, sink: statusSink, logger: logger), logger: logger)
    }

    /// The plugin reports a customer's new status (`host_call` "customer.status_changed" with the `GET /customer`
    /// body, `id` required). Returns false when the host never handed out that id.
    public func customerStatusChanged(_ reply: CustomerReply) async throws -> Bool {
        guard let id = reply.id, let owner = try await self.deps.ownership.owner(of: id) else { return false }
        try await self.deps.statuses.observe(reply, id: id, owner: owner)
        return true
    }

    public func register(
        on router: Router<CapstanRequestContext>, routes: RouteTable, authenticator: SEP10Authenticator<CapstanRequestContext>
    ) {
        let customers = CustomerEndpoint(deps: self.deps)
        let files = FilesEndpoint(deps: self.deps)
        let kyc = router.group("kyc").add(middleware: authenticator).group(context: AuthenticatedContext.self)
        kyc.get("customer", use: customers.get)
        kyc.put("customer", use: customers.put)
        kyc.put("customer/verification", use: customers.verification)
        kyc.put("customer/callback", use: customers.callback)
        kyc.post("customer/files", use: files.upload)
        kyc.get("customer/files", use: files.list)
        kyc.delete("customer/:account", use: customers.delete)
        // Uploads may be larger than the server-wide body limit: each file up to `maxFileBytes`, streamed to disk.
        let uploadLimit = self.deps.files.maxRequestBytes
        for (method, path, limit) in [
            (HTTPRequest.Method.get, "customer", nil), (.put, "customer", uploadLimit), (.put, "customer/verification", nil),
            (.put, "customer/callback", nil), (.post, "customer/files", uploadLimit), (.get, "customer/files", nil),
            (.delete, "customer/:account", nil),
        ] {
            routes.add(method, "kyc/\(path)", maxBodyBytes: limit)
        }
    }
}
