import StellarKit
import Hummingbird

/// `GET /payments`, `GET /accounts/{id}/payments` and `GET /transactions/{hash}/payments`: JSON pages, or server-sent
/// events with `Accept: text/event-stream`. `join=transactions` embeds each payment's transaction (its memo is what a
/// payment watcher matches on). `GET /operations/{id}` shows one payment-family operation.
struct PaymentRoutes: Sendable {
    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.get("/payments") { request, _ in try await self.list(request, account: nil) }
        router.get("/accounts/:account_id/payments") { request, context in
            try await self.list(request, account: try RequestQuery.accountID(context))
        }
        router.get("/transactions/:hash/payments") { request, context in
            guard let hash = context.parameters.get("hash"), Hex.decode(hash)?.count == 32 else {
                throw HorizonProblem.badRequest(field: "tx_id", reason: "must be a 64-character hex transaction hash")
            }
            guard await self.ledger.transaction(hash.lowercased()) != nil else { throw HorizonProblem.notFound }
            return try await self.list(request, account: nil, transaction: hash.lowercased())
        }
        router.get("/operations/:id") { request, context in
            guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
                throw HorizonProblem.badRequest(field: "id", reason: "must be an operation id")
            }
            // Only payment-family operations are kept as records.
            guard let record = await self.ledger.payment(id) else { throw HorizonProblem.notFound }
            let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
            let join = request.uri.queryParameters["join"] == "transactions"
            let resources = await Self.resources([record], base: base, join: join, ledger: self.ledger)
            return try HorizonJSON.response(resources[0])
        }
    }

    private func list(_ request: Request, account: String?, transaction: String? = nil) async throws -> Response {
        let query = try RequestQuery(request, nowCursor: await self.ledger.nowCursor)
        let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
        let ledger = self.ledger
        if query.streaming {
            let (includeFailed, join) = (query.includeFailed, query.joinTransactions)
            return EventStream.response(ledger: ledger, after: query.page.cursor ?? 0) { cursor in
                let page = PageRequest(cursor: cursor, order: .ascending, limit: PageRequest.maximumLimit)
                let records = await ledger.payments(account: account, transaction: transaction, page, includeFailed: includeFailed)
                let resources = await Self.resources(records, base: base, join: join, ledger: ledger)
                return try resources.map { EventStream.Event(id: Int64($0.pagingToken) ?? 0, json: try HorizonJSON.encode($0)) }
            }
        }
        let records = await ledger.payments(account: account, transaction: transaction, query.page, includeFailed: query.includeFailed)
        let resources = await Self.resources(records, base: base, join: query.joinTransactions, ledger: ledger)
        let path = account.map { "/accounts/\($0)/payments" } ?? transaction.map { "/transactions/\($0)/payments" } ?? "/payments"
        return try HorizonJSON.response(
            PageResource(
                records: resources, tokens: resources.map(\.pagingToken), url: base + path, request: query.page,
                requestCursor: query.cursorText, extraQuery: query.linkQuery
            )
        )
    }

    private static func resources(_ records: [PaymentRecord], base: String, join: Bool, ledger: DevnetLedger) async -> [PaymentResource] {
        let transactions = join ? await ledger.transactions(of: records) : [:]
        return records.map { PaymentResource($0, base: base, transaction: transactions[$0.transactionHash]) }
    }
}
