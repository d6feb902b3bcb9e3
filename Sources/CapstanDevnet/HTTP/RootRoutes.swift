import Hummingbird

/// `GET /`, `GET /ledgers`, `GET /ledgers/{sequence}` and `GET /fee_stats`.
struct RootRoutes: Sendable {
    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let header = await self.ledger.latestLedger
            let elder = await self.ledger.ledgers(PageRequest(cursor: nil, order: .ascending, limit: 1)).first?.sequence ?? 1
            let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
            return try HorizonJSON.response(RootResource(base: base, header: header, elder: elder, parameters: self.ledger.parameters))
        }
        router.get("/ledgers") { request, _ in
            let query = try RequestQuery(request, nowCursor: OperationID.ledgerStart(await self.ledger.latestLedger.sequence))
            // Ledger paging tokens are `sequence << 32`; the recent-ledger list is keyed by sequence.
            var page = query.page
            page.cursor = page.cursor.map { $0 >> 32 }
            let headers = await self.ledger.ledgers(page)
            let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
            let records = headers.map { LedgerResource($0, base: base, parameters: self.ledger.parameters) }
            return try HorizonJSON.response(
                PageResource(
                    records: records, tokens: records.map(\.pagingToken), url: base + "/ledgers", request: query.page, requestCursor: query.cursorText
                )
            )
        }
        router.get("/ledgers/:sequence") { request, context in
            guard let sequence = context.parameters.get("sequence", as: UInt32.self) else {
                throw HorizonProblem.badRequest(field: "sequence", reason: "must be a ledger sequence number")
            }
            guard let header = await self.ledger.ledger(sequence) else { throw HorizonProblem.notFound }
            let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
            return try HorizonJSON.response(LedgerResource(header, base: base, parameters: self.ledger.parameters))
        }
        router.get("/fee_stats") { _, _ in
            try HorizonJSON.response(FeeStatsResource(lastLedger: await self.ledger.latestLedger.sequence, baseFee: self.ledger.parameters.baseFee))
        }
    }
}
