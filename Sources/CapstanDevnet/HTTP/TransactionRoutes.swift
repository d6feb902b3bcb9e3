import StellarKit
import Foundation
import Hummingbird

/// `POST /transactions` (form field `tx`), `GET /transactions/{hash}`, and the transaction collections
/// `GET /transactions` and `GET /accounts/{id}/transactions` (JSON pages or server-sent events).
struct TransactionRoutes: Sendable {
    /// Far above any real envelope (Horizon's own limit is similar), small enough to refuse abuse.
    static let maximumBodyBytes = 256 * 1024

    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.post("/transactions", use: self.submit)
        router.get("/transactions/:hash", use: self.show)
        router.get("/transactions") { request, _ in try await self.list(request, account: nil) }
        router.get("/accounts/:account_id/transactions") { request, context in
            try await self.list(request, account: try RequestQuery.accountID(context))
        }
    }

    @Sendable func submit(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumBodyBytes)
        guard let envelope = Self.formField("tx", in: String(buffer: body)), !envelope.isEmpty else {
            throw HorizonProblem.badRequest(field: "tx", reason: "the form field tx must hold a base64 TransactionEnvelope")
        }
        let result = await self.ledger.submit(envelopeXDR: envelope)
        return try Self.respond(to: result, base: RequestQuery.baseURL(request, fallback: self.fallbackURL))
    }

    @Sendable func show(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let hash = context.parameters.get("hash"), Hex.decode(hash)?.count == 32 else {
            throw HorizonProblem.badRequest(field: "tx_id", reason: "must be a 64-character hex transaction hash")
        }
        guard let record = await self.ledger.transaction(hash.lowercased()) else { throw HorizonProblem.notFound }
        return try HorizonJSON.response(TransactionResource(record, base: RequestQuery.baseURL(request, fallback: self.fallbackURL)))
    }

    private func list(_ request: Request, account: String?) async throws -> Response {
        let query = try RequestQuery(request, nowCursor: await self.ledger.nowCursor)
        let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
        let ledger = self.ledger
        if query.streaming {
            let includeFailed = query.includeFailed
            return EventStream.response(ledger: ledger, after: query.page.cursor ?? 0) { cursor in
                let page = PageRequest(cursor: cursor, order: .ascending, limit: PageRequest.maximumLimit)
                return try await ledger.transactions(account: account, page, includeFailed: includeFailed).map { record in
                    EventStream.Event(id: record.pagingToken, json: try HorizonJSON.encode(TransactionResource(record, base: base)))
                }
            }
        }
        let records = await ledger.transactions(account: account, query.page, includeFailed: query.includeFailed)
        let path = account.map { "/accounts/\($0)/transactions" } ?? "/transactions"
        return try HorizonJSON.response(
            PageResource(
                records: records.map { TransactionResource($0, base: base) }, tokens: records.map { String($0.pagingToken) },
                url: base + path, request: query.page, requestCursor: query.cursorText, extraQuery: query.linkQuery
            )
        )
    }

    /// Horizon's answer to a submission: the transaction (200) when it succeeded, else a problem document.
    static func respond(to result: SubmissionResult, base: String) throws -> Response {
        switch result {
        case .malformed(let envelope):
            throw HorizonProblem.transactionMalformed(envelopeXDR: envelope)
        case .rejected(let envelope, let outcome):
            throw HorizonProblem.transactionFailed(envelopeXDR: envelope, resultXDR: outcome.xdrBase64, codes: outcome.resultCodes)
        case .applied(let record):
            guard record.successful else {
                throw HorizonProblem.transactionFailed(envelopeXDR: record.envelopeXDR, resultXDR: record.resultXDR, codes: record.resultCodes)
            }
            return try HorizonJSON.response(TransactionResource(record, base: base))
        }
    }

    /// One field of an `application/x-www-form-urlencoded` body. A `+` is a space there; base64 has no spaces
    /// but does have `+`, so clients that forget to percent-encode it are forgiven by turning spaces back.
    static func formField(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            return value?.replacingOccurrences(of: " ", with: "+")
        }
        return nil
    }
}
