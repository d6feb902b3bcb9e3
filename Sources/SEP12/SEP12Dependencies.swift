import CapstanCore
import CapstanHTTP
import Logging

/// What every SEP-12 handler needs, built once by `SEP12Routes`.
struct SEP12Dependencies: Sendable {
    let hooks: any SEP12Hooks
    let ownership: CustomerOwnership
    let files: CustomerFileStore
    /// Where callback URLs are kept (the host's key-value store, namespace `capstan.sep12`).
    let callbacks: any PluginKeyValueStore
    let statuses: CustomerStatusTracker
    let logger: Logger

    /// Records the status the plugin just answered for `id`; a failure here never fails the wallet's request, since
    /// the next GET or plugin notification observes the status again.
    func observe(_ reply: CustomerReply, id: String, owner: String) async {
        do { try await self.statuses.observe(reply, id: id, owner: owner) } catch {
            self.logger.error("customer status change not recorded", metadata: ["id": "\(id)", "error": "\(String(reflecting: error))"])
        }
    }

    /// Runs a hook and maps its outcome to HTTP: no implementation 501, refusal 400, unknown 404, failure 500.
    func call<Reply>(_ body: () async throws(CustomerHookError) -> Reply?) async throws(SEPError) -> Reply {
        let reply: Reply?
        do { reply = try await body() } catch {
            switch error {
            case .invalid(let message): throw .badRequest(message)
            case .notFound: throw .notFound("customer not found")
            case .failed: throw .internalError()
            }
        }
        guard let reply else { throw SEPError(status: .notImplemented, message: "not implemented by this anchor") }
        return reply
    }
}
