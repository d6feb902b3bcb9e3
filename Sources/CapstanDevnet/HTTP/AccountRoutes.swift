import Hummingbird

/// `GET /accounts/{id}`.
struct AccountRoutes: Sendable {
    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.get("/accounts/:account_id") { request, context in
            let id = try RequestQuery.accountID(context)
            guard let account = await self.ledger.account(id) else { throw HorizonProblem.notFound }
            return try HorizonJSON.response(AccountResource(account, base: RequestQuery.baseURL(request, fallback: self.fallbackURL)))
        }
    }
}
