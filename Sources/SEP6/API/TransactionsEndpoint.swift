import CapstanCore
import CapstanHTTP
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /transaction`, `GET /transactions` and `PATCH /transactions/:id`: a wallet's own SEP-6 transactions,
/// scoped by the full JWT `sub` (SEP-6 "Shared, Omnibus, or Pooled Accounts": two memos of one account see
/// nothing of each other). Another owner's transaction is a 404, exactly like a missing one, so ids cannot be probed.
struct TransactionsEndpoint: Sendable {
    let deps: SEP6Dependencies

    /// One of `id`, `stellar_transaction_id` or `external_transaction_id`.
    @Sendable func transaction(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = QueryFields(request)
        let language = self.deps.language(query["lang"])
        let owner = context.claims.owner
        let found: Transaction?
        if let id = query["id"] {
            found = try await self.deps.transactions.transaction(id: id, owner: owner)
        } else if let hash = query["stellar_transaction_id"] {
            found = try await self.deps.transactions.transaction(stellarTransactionID: hash, owner: owner)
        } else if let reference = query["external_transaction_id"] {
            found = try await self.deps.transactions.transaction(externalTransactionID: reference, owner: owner)
        } else {
            throw self.deps.badRequest("lookup_required", language)
        }
        guard let transaction = found, transaction.protocol == .sep6 else { throw SEPError.notFound(Messages.text("not_found", language)) }
        return Response.json(TransactionJSON.single(transaction))
    }

    /// `asset_code` (required), `account` (must be the authenticated one), `no_older_than`, `limit` (clamped to
    /// `sep6.transactions_max_limit`), `kind` (repeatable or comma-separated), `paging_id`, `lang`; newest first.
    @Sendable func transactions(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = QueryFields(request)
        let language = self.deps.language(query["lang"])
        guard let code = query["asset_code"] else { throw self.deps.badRequest("asset_code_required", language) }
        guard try await self.deps.assets.asset(code: code) != nil else { throw self.deps.badRequest("asset_unknown", language, ["asset": code]) }
        if let account = query["account"] {
            let claims = context.claims
            // SEP-6: "If the service requires SEP-10 authentication, this parameter must match the authenticated account."
            guard [claims.account, claims.muxedAccount, claims.owner].contains(account) else {
                throw SEPError(status: .forbidden, message: Messages.text("account_mismatch", language))
            }
        }
        let maximum = self.deps.settings.transactionsMaxLimit
        var filter = TransactionQuery(assetCode: code, protocols: [.sep6], limit: maximum)
        let kinds = query.list("kind")
        if !kinds.isEmpty {
            filter.kinds = try kinds.map { (text: String) throws -> TransactionKind in
                guard let kind = TransactionKind(rawValue: text), kind != .receive else { throw self.deps.badRequest("kind_invalid", language) }
                return kind
            }
        }
        if let text = query["limit"] {
            guard let limit = Int(text), limit > 0 else { throw self.deps.badRequest("limit_invalid", language) }
            filter.limit = min(limit, maximum)
        }
        if let text = query["no_older_than"] {
            guard let date = UTCTimestamp.parse(text) else { throw self.deps.badRequest("no_older_than_invalid", language) }
            filter.noOlderThan = date
        }
        filter.pagingID = query["paging_id"]
        let objects = try await self.deps.rendered.list(
            owner: context.claims.owner, query: filter, from: self.deps.transactions, render: TransactionJSON.object)
        return Response.json(RenderedTransactionCache.listBody(objects))
    }

    /// `PATCH /transactions/:id` with `{"transaction": {field: value, …}}`: only while the transaction is
    /// `pending_transaction_info_update`, with every field it asked for and nothing else; it then "goes back to
    /// `pending_anchor`". The values are kept for the anchor in the host's key-value store (namespace
    /// `capstan.sep6`, key `patch:<id>`); `dest` and `dest_extra` also update `to` and `external_extra`.
    @Sendable func patch(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let language = self.deps.language(QueryFields(request)["lang"])
        guard let id = context.parameters.get("id"),
              let transaction = try await self.deps.transactions.transaction(id: id, owner: context.claims.owner),
              transaction.protocol == .sep6 else {
            throw SEPError.notFound(Messages.text("not_found", language))
        }
        guard transaction.status == .pendingTransactionInfoUpdate else { throw self.deps.badRequest("patch_not_expected", language) }
        let values = try await Self.body(request, limit: context.maxBodyBytes, deps: self.deps, language: language)
        let requested = transaction.requiredInfoUpdates ?? [:]
        for name in values.keys.sorted() where requested[name] == nil {
            throw self.deps.badRequest("patch_field_unexpected", language, ["field": name])
        }
        for (name, field) in requested.sorted(by: { $0.key < $1.key }) where field.optional != true && values[name] == nil {
            throw self.deps.badRequest("patch_field_missing", language, ["field": name])
        }

        let updated: Transaction
        do {
            updated = try await self.update(transaction, with: values)
        } catch StoreError.conflict {
            // Another writer (the anchor, a second PATCH) moved it since it was read: the wallet reads it again.
            throw SEPError(status: .conflict, message: Messages.text("patch_not_expected", language))
        }
        // Kept after the status change, so a refused update (a concurrent writer) leaves nothing behind.
        var stored: [String: String] = [:]
        if let previous = try await self.deps.keyValues.value(plugin: SEP6Dependencies.keyValueNamespace, key: "patch:\(id)") {
            stored = (try? JSONDecoder().decode([String: String].self, from: Data(previous))) ?? [:]
        }
        stored.merge(values) { _, new in new }
        try await self.deps.keyValues.setValue(
            Array(try JSONEncoder.sorted.encode(stored)), plugin: SEP6Dependencies.keyValueNamespace, key: "patch:\(id)")
        return Response.json(TransactionJSON.single(updated))
    }

    /// Applies a PATCH: `dest`/`dest_extra` where the transaction has room for them, and back to `pending_anchor`.
    private func update(_ transaction: Transaction, with values: [String: String]) async throws -> Transaction {
        try await self.deps.transactions.update(
            id: transaction.id, expectedVersion: transaction.version, cause: "sep6: transaction info updated by the wallet"
        ) { record in
            if let dest = values["dest"], record.kind == .withdrawal || record.kind == .withdrawalExchange { record.to = dest }
            if let extra = values["dest_extra"] { record.externalExtra = extra }
            record.requiredInfoUpdates = nil
            record.requiredInfoMessage = nil
            record.status = .pendingAnchor
        }
    }

    /// The `transaction` object of a PATCH body, as strings (numbers and booleans keep their JSON text).
    private static func body(_ request: Request, limit: Int, deps: SEP6Dependencies, language: String) async throws -> [String: String] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw SEPError(status: .contentTooLarge, message: "request body larger than \(limit) bytes")
        }
        guard let body = try? JSONDecoder().decode(PatchBody.self, from: Data(buffer.readableBytesView)), !body.transaction.isEmpty else {
            throw deps.badRequest("patch_body_invalid", language)
        }
        let values = body.transaction.compactMapValues(\.text)
        guard values.count == body.transaction.count else { throw deps.badRequest("patch_body_invalid", language) }
        return values
    }
}

/// `{"transaction": {...}}` of a PATCH: flat values only.
private struct PatchBody: Decodable {
    var transaction: [String: Scalar]

    /// A string, number or boolean; numbers keep the literal's digits (Decimal, never Double).
    enum Scalar: Decodable {
        case text(String)
        case other

        var text: String? {
            if case .text(let value) = self { return value }
            return nil
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                self = .text(value ? "true" : "false")
            } else if let value = try? container.decode(String.self) {
                self = .text(value)
            } else if let value = try? container.decode(Decimal.self) {
                self = .text(value.description)
            } else {
                self = .other
            }
        }
    }
}
