import CapstanCore
import CapstanHTTP
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `Rails` backed by the plugins' `rails_poll_deposits`, `rails_send_payout` and `rails_poll_payouts` hooks (see
/// `capstan_plugin.h`; `after_deposit` goes through `PluginNotifications`).
///
/// No plugin owning a hook is `RailsError.unimplemented`. A hook's TRANSIENT answer or a missed deadline is
/// `transient` (the worker retries; for payouts with the same idempotency key, so a late success is not paid twice);
/// every other failure, including a reply that does not fit the hook's schema, is `fatal`.
public struct PluginRails: Rails {
    let host: PluginHost
    let assets: any AssetStore

    /// - Parameter assets: supplies `asset_issuer` for the transactions sent to plugins.
    public init(host: PluginHost, assets: any AssetStore) {
        self.host = host
        self.assets = assets
    }

    public func pollDeposits(_ transactions: [Transaction]) async throws(RailsError) -> DepositPoll {
        let request = Batch(transactions: try await self.shapes(transactions))
        return try await self.call(.railsPollDeposits, request, as: DepositPoll.self, idempotencyKey: nil)
    }

    public func sendPayout(_ request: PayoutRequest, idempotencyKey: String) async throws(RailsError) -> PayoutResult {
        let body = Payout(
            transaction: try await self.shape(request.transaction), amount: request.amount.description,
            assetCode: request.assetCode, to: request.to)
        return try await self.call(.railsSendPayout, body, as: PayoutResult.self, idempotencyKey: idempotencyKey)
    }

    public func pollPayouts(_ transactions: [Transaction]) async throws(RailsError) -> PayoutPoll {
        let request = Batch(transactions: try await self.shapes(transactions))
        return try await self.call(.railsPollPayouts, request, as: PayoutPoll.self, idempotencyKey: nil)
    }

    private func call<Request: Encodable, Response: Decodable>(
        _ hook: PluginHook, _ request: Request, as type: Response.Type, idempotencyKey: String?
    ) async throws(RailsError) -> Response {
        let reply: Response?
        do {
            reply = try await self.host.call(hook, request, as: type, idempotencyKey: idempotencyKey)
        } catch {
            throw Self.railsError(error)
        }
        guard let reply else { throw .unimplemented }
        return reply
    }

    static func railsError(_ error: PluginCallError) -> RailsError {
        switch error {
        case .transient(let message): .transient(message)
        case .deadlineExceeded: .transient("the rails plugin did not answer in time")
        case .unimplemented: .unimplemented
        case .invalid(let message, _), .notFound(let message), .fatal(let message): .fatal(message)
        case .malformedResponse: .fatal("the rails plugin's reply does not fit the hook's schema")
        }
    }

    // MARK: the header's `transaction` shape

    private func shapes(_ transactions: [Transaction]) async throws(RailsError) -> [HookTransaction] {
        var shaped: [HookTransaction] = []
        for transaction in transactions { shaped.append(try await self.shape(transaction)) }
        return shaped
    }

    private func shape(_ transaction: Transaction) async throws(RailsError) -> HookTransaction {
        let issuer: String?
        do { issuer = try await self.assets.asset(code: transaction.assetCode)?.issuer } catch {
            throw .transient("the asset table could not be read: \(error)")
        }
        return HookTransaction(transaction, assetIssuer: issuer)
    }

    private struct Batch: Encodable { var transactions: [HookTransaction] }

    private struct Payout: Encodable {
        var transaction: HookTransaction
        var amount: String
        var assetCode: String
        var to: String?

        enum CodingKeys: String, CodingKey {
            case transaction, amount, to
            case assetCode = "asset_code"
        }
    }
}
