import Hummingbird
import StellarKit

/// `GET /claimable_balances?claimant=G…&sponsor=G…` and `GET /claimable_balances/{id}`; wallets use the first to
/// find deposits an anchor sent as claimable balances.
struct ClaimableBalanceRoutes: Sendable {
    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.get("/claimable_balances") { request, _ in
            let parameters = request.uri.queryParameters
            let claimant = try Self.account(parameters["claimant"].map(String.init), field: "claimant")
            let sponsor = try Self.account(parameters["sponsor"].map(String.init), field: "sponsor")
            let limit = try RequestQuery.limit(request)
            let cursor = parameters["cursor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let balances = await self.ledger.claimableBalances(claimant: claimant, sponsor: sponsor, after: cursor, limit: limit)
            let base = RequestQuery.baseURL(request, fallback: self.fallbackURL)
            let records = balances.map { ClaimableBalanceResource($0, base: base) }
            var extra = claimant.map { "&claimant=\($0)" } ?? ""
            extra += sponsor.map { "&sponsor=\($0)" } ?? ""
            return try HorizonJSON.response(
                PageResource(
                    records: records, tokens: records.map(\.pagingToken), url: base + "/claimable_balances",
                    request: PageRequest(cursor: nil, order: .ascending, limit: limit), requestCursor: cursor, extraQuery: extra
                )
            )
        }
        router.get("/claimable_balances/:id") { request, context in
            let text = context.parameters.get("id") ?? ""
            // Horizon accepts the hex id and the B… strkey.
            guard let id = (try? ClaimableBalanceID(hex: text)) ?? (try? ClaimableBalanceID(strKey: text)) else {
                throw HorizonProblem.badRequest(field: "id", reason: "must be a claimable balance id")
            }
            guard let balance = await self.ledger.claimableBalance(id.hex) else { throw HorizonProblem.notFound }
            return try HorizonJSON.response(ClaimableBalanceResource(balance, base: RequestQuery.baseURL(request, fallback: self.fallbackURL)))
        }
    }

    private static func account(_ value: String?, field: String) throws(HorizonProblem) -> String? {
        guard let value, !value.isEmpty else { return nil }
        guard StrKey.isValid(value, as: .accountId) else { throw .badRequest(field: field, reason: "must be a G… account id") }
        return value
    }
}
