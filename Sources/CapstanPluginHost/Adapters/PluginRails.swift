import CapstanCore
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

    /// SEP field names, amounts as decimal strings, times as RFC 3339 UTC (the header's shared `transaction`).
    struct HookTransaction: Encodable, Equatable {
        var id, `protocol`, kind, status, assetCode: String
        var assetIssuer: String?
        var amountIn, amountInAsset, amountOut, amountOutAsset, amountFee, amountExpected, quoteID: String?
        var account: String
        var memo, memoType, from, to, depositMemo, depositMemoType: String?
        var withdrawAnchorAccount, withdrawMemo, withdrawMemoType, stellarTransactionID, externalTransactionID: String?
        var startedAt, updatedAt: String
        var completedAt, senderID, receiverID, lang: String?

        init(_ transaction: Transaction, assetIssuer: String?) {
            self.id = transaction.id
            self.protocol = transaction.protocol.rawValue
            self.kind = transaction.kind.rawValue
            self.status = transaction.status.rawValue
            self.assetCode = transaction.assetCode
            self.assetIssuer = assetIssuer
            self.amountIn = transaction.amountIn?.description
            self.amountInAsset = transaction.amountInAsset
            self.amountOut = transaction.amountOut?.description
            self.amountOutAsset = transaction.amountOutAsset
            self.amountFee = transaction.amountFee?.description
            self.amountExpected = transaction.amountExpected?.description
            self.quoteID = transaction.quoteID
            // `G…:memo` subjects name a shared account's user; `G…` and `M…` stand alone.
            let parts = transaction.sub.split(separator: ":", maxSplits: 1).map(String.init)
            self.account = parts[0]
            self.memo = parts.count == 2 ? parts[1] : transaction.accountMemo
            self.memoType = self.memo == nil ? nil : "id"
            self.from = transaction.from
            self.to = transaction.to
            self.depositMemo = transaction.depositMemo
            self.depositMemoType = transaction.depositMemoType?.rawValue
            self.withdrawAnchorAccount = transaction.withdrawAnchorAccount
            self.withdrawMemo = transaction.withdrawMemo
            self.withdrawMemoType = transaction.withdrawMemoType?.rawValue
            self.stellarTransactionID = transaction.stellarTransactionID
            self.externalTransactionID = transaction.externalTransactionID
            self.startedAt = Self.timestamp(transaction.startedAt)
            self.updatedAt = Self.timestamp(transaction.updatedAt)
            self.completedAt = transaction.completedAt.map(Self.timestamp)
            self.senderID = transaction.senderID
            self.receiverID = transaction.receiverID
            self.lang = transaction.lang
        }

        static func timestamp(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }

        enum CodingKeys: String, CodingKey {
            case id, `protocol`, kind, status
            case assetCode = "asset_code", assetIssuer = "asset_issuer"
            case amountIn = "amount_in", amountInAsset = "amount_in_asset", amountOut = "amount_out"
            case amountOutAsset = "amount_out_asset", amountFee = "amount_fee", amountExpected = "amount_expected"
            case quoteID = "quote_id", account, memo, memoType = "memo_type", from, to
            case depositMemo = "deposit_memo", depositMemoType = "deposit_memo_type"
            case withdrawAnchorAccount = "withdraw_anchor_account", withdrawMemo = "withdraw_memo"
            case withdrawMemoType = "withdraw_memo_type", stellarTransactionID = "stellar_transaction_id"
            case externalTransactionID = "external_transaction_id", startedAt = "started_at", updatedAt = "updated_at"
            case completedAt = "completed_at", senderID = "sender_id", receiverID = "receiver_id", lang
        }
    }
}
