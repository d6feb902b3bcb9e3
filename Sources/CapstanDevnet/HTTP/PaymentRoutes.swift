import Hummingbird

/// `GET /payments` and `GET /accounts/{id}/payments`: JSON pages, or server-sent events with `Accept: text/event-stream`.
/// `join=transactions` embeds each payment's transaction (its memo is what a payment watcher matches on).
struct PaymentRoutes: Sendable {
    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.get("/payments") { request, _ in try await self.list(request, account: nil) }
        router.get("/accounts/:account_id/payments") { request, context in
            try await self.list(request, account: try RequestQuery.accountID(context))
        }
    }

    private func list(_ request: Request, account: String?) async throws -> Response {
        let query = try RequestQuery(request, nowCursor: await self.ledger.nowCursor)
        let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
        let ledger = self.ledger
        if query.streaming {
            let (includeFailed, join) = (query.includeFailed, query.joinTransactions)
            return EventStream.response(ledger: ledger, after: query.page.cursor ?? 0) { cursor in
                let page = PageRequest(cursor: cursor, order: .ascending, limit: PageRequest.maximumLimit)
                let records = await ledger.payments(account: account, page, includeFailed: includeFailed)
                let resources = await Self.resources(records, base: base, join: join, ledger: ledger)
                return try resources.map { EventStream.Event(id: Int64($0.pagingToken) ?? 0, json: try HorizonJSON.encode($0)) }
            }
        }
        let records = await ledger.payments(account: account, query.page, includeFailed: query.includeFailed)
        let resources = await Self.resources(records, base: base, join: query.joinTransactions, ledger: ledger)
        let path = account.map { "/accounts/\($0)/payments" } ?? "/payments"
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
