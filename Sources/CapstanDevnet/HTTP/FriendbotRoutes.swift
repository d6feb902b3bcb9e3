import Hummingbird

/// `GET /friendbot?addr=G…` (and POST, as Stellar's friendbot accepts): creates and funds an account from the root.
struct FriendbotRoutes: Sendable {
    let ledger: DevnetLedger
    let fallbackURL: String

    func register(on router: Router<BasicRequestContext>) {
        router.get("/friendbot", use: self.fund)
        router.post("/friendbot", use: self.fund)
    }

    @Sendable func fund(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let address = request.uri.queryParameters["addr"].map(String.init) ?? ""
        switch await self.ledger.fund(address) {
        case .invalidAddress:
            throw HorizonProblem.badRequest(field: "addr", reason: "addr must be a G… account id")
        case .alreadyFunded:
            throw HorizonProblem.alreadyFunded()
        case .submitted(let result):
            return try TransactionRoutes.respond(to: result, base: RequestQuery.baseURL(request, fallback: self.fallbackURL))
        }
    }
}
