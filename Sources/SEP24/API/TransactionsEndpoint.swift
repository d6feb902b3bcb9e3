import CapstanCore
import CapstanHTTP
import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /transaction` and `GET /transactions`: a wallet's own SEP-24 transactions, scoped by the full JWT `sub`
/// (SEP-24 "Shared, Omnibus, or Pooled Accounts": two memos of one account see nothing of each other).
struct TransactionsEndpoint: Sendable {
    let dependencies: SEP24Dependencies

    /// One of `id`, `stellar_transaction_id` or `external_transaction_id`; another owner's transaction is a 404,
    /// exactly like a missing one, so ids cannot be probed.
    @Sendable func transaction(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let deps = self.dependencies
        let query = request.uri.queryParameters
        let language = deps.pages.catalog.negotiate(lang: query["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
        let owner = context.claims.owner
        let found: Transaction?
        if let id = query["id"].map(String.init), !id.isEmpty {
            found = try await deps.transactions.transaction(id: id, owner: owner)
        } else if let hash = query["stellar_transaction_id"].map(String.init), !hash.isEmpty {
            found = try await deps.transactions.transaction(stellarTransactionID: hash, owner: owner)
        } else if let reference = query["external_transaction_id"].map(String.init), !reference.isEmpty {
            found = try await deps.transactions.transaction(externalTransactionID: reference, owner: owner)
        } else {
            throw deps.badRequest("lookup_required", language)
        }
        guard let transaction = found, transaction.protocol == .sep24 else {
            throw SEPError.notFound(deps.pages.catalog.text("api_not_found", language))
        }
        return Response.json(TransactionObject.single(deps.object(transaction)))
    }

    /// `asset_code` (required), `no_older_than`, `limit` (clamped to `sep24.transactions_max_limit`), `kind`,
    /// `paging_id`, `lang`; newest first.
    @Sendable func transactions(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let deps = self.dependencies
        let query = request.uri.queryParameters
        let language = deps.pages.catalog.negotiate(lang: query["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
        guard let code = query["asset_code"].map(String.init), !code.isEmpty else { throw deps.badRequest("asset_code_required", language) }
        guard try await deps.assets.asset(code: code) != nil else { throw deps.badRequest("asset_unknown", language, ["asset": code]) }
        var filter = TransactionQuery(assetCode: code, protocols: [.sep24], limit: deps.settings.transactionsMaxLimit)
        if let kind = query["kind"].map(String.init), !kind.isEmpty {
            switch kind {
            case "deposit": filter.kinds = [.deposit]
            case "withdrawal": filter.kinds = [.withdrawal]
            default: throw deps.badRequest("kind_invalid", language)
            }
        }
        if let text = query["limit"].map(String.init), !text.isEmpty {
            guard let limit = Int(text), limit > 0 else { throw deps.badRequest("limit_invalid", language) }
            filter.limit = min(limit, deps.settings.transactionsMaxLimit)
        }
        if let text = query["no_older_than"].map(String.init), !text.isEmpty {
            guard let date = UTCTimestamp.parse(text) else { throw deps.badRequest("no_older_than_invalid", language) }
            filter.noOlderThan = date
        }
        if let paging = query["paging_id"].map(String.init), !paging.isEmpty { filter.pagingID = paging }
        let objects = try await deps.rendered.list(owner: context.claims.owner, query: filter, from: deps.transactions) {
            deps.object($0).json
        }
        return Response.json(RenderedTransactionCache.listBody(objects))
    }
}
